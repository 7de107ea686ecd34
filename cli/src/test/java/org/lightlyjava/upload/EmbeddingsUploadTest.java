package org.lightlyjava.upload;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.embeddings.EmbeddingsCsv;
import org.lightlyjava.run.ToolException;

class EmbeddingsUploadTest {

    @Test
    void checkNames_namesTheRepeatedRowAndItsFileName() throws IOException {
        EmbeddingsCsv.Table table =
                EmbeddingsCsv.read(
                        new StringReader(
                                "filenames,embedding_0,labels\r\n"
                                        + "a.jpg,1.0,0\r\n"
                                        + "b.jpg,2.0,0\r\n"
                                        + "a.jpg,3.0,0\r\n"),
                        "embeddings.csv");
        assertThatThrownBy(
                        () ->
                                EmbeddingsUpload.checkNames(
                                        table, List.of("a.jpg", "b.jpg", "c.jpg"), "on the server"))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("line 4 repeats 'a.jpg' of line 2");
    }
}
