package org.lightlyjava.api.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLineTest {

    @Test
    void linesWithoutQuotes_splitAtEveryComma_keepingEmptyCells() {
        assertThat(CsvLine.split("")).containsExactly("");
        assertThat(CsvLine.split(",")).containsExactly("", "");
        assertThat(CsvLine.split("a.jpg,0.5,-1e-3,,7,"))
                .containsExactly("a.jpg", "0.5", "-1e-3", "", "7", "");
        assertThat(CsvLine.split(" a b ,\t1 ")).containsExactly(" a b ", "\t1 ");
    }

    @Test
    void quotedCells_keepCommasAndDoubledQuotes() {
        assertThat(CsvLine.split("\"a,b.jpg\",1,2")).containsExactly("a,b.jpg", "1", "2");
        assertThat(CsvLine.split("\"say \"\"hi\"\".jpg\",0"))
                .containsExactly("say \"hi\".jpg", "0");
        assertThat(CsvLine.split("x\"y,\"\"")).isEqualTo(List.of("x\"y", ""));
    }
}
