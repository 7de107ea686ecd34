package org.lightlyjava.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowsTest {

    @TempDir Path dir;

    private String move(String text, int... order) throws IOException {
        Path in = dir.resolve("in.csv");
        Path out = dir.resolve("out.csv");
        Files.writeString(in, text);
        CsvRows.index(in, order.length + 1).writeInOrder(in, order, out);
        return Files.readString(out);
    }

    @Test
    void rowsInTheirOwnOrder_areCopiedByteForByte() throws IOException {
        String text = "\uFEFFh,x\r\na,0.4000\nb,1e-05\rc,0.12345678901234567";
        assertThat(move(text, 0, 1, 2)).isEqualTo(text);
    }

    @Test
    void movedRows_keepTheirText_endWithTheHeadersLineBreak() throws IOException {
        assertThat(move("h\r\na,0.4000\r\nb,2\r\nc,-0.0\r\n", 2, 0, 1))
                .isEqualTo("h\r\nc,-0.0\r\na,0.4000\r\nb,2\r\n");
        assertThat(move("h\na\nb", 1, 0)).isEqualTo("h\nb\na");
        assertThat(move("h\na\nb\n", 1, 0)).isEqualTo("h\nb\na\n");
    }

    @Test
    void anotherNumberOfLines_isRefused() throws IOException {
        Path in = dir.resolve("short.csv");
        Files.writeString(in, "h\na\n");
        assertThatThrownBy(() -> CsvRows.index(in, 3)).hasMessageContaining("2 lines");
        assertThatThrownBy(() -> CsvRows.index(in, 1)).hasMessageContaining("more than 1");
    }
}
