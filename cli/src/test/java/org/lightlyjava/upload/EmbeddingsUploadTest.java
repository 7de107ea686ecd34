package org.lightlyjava.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    /**
     * Lightly's client reorders rows as text (csv.reader, then csv.writer): values keep every digit
     * and trailing zero, other columns are left out, lines end in CRLF.
     */
    @Test
    void reordered_movesRowsAsText_keepingEveryValueAsWritten(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("embeddings.csv");
        Files.writeString(
                file,
                "filenames,embedding_0,embedding_1,labels,masked\n"
                        + "a.jpg,0.12345678901234567,0.4000,1,x\n"
                        + "\"b,1.jpg\",1e-3,-0.0,0,y\n");
        EmbeddingsCsv.Table table = EmbeddingsCsv.read(file);

        byte[] csv = EmbeddingsUpload.reordered(file, table, List.of("b,1.jpg", "a.jpg"));

        assertThat(new String(csv, StandardCharsets.UTF_8))
                .isEqualTo(
                        "filenames,embedding_0,embedding_1,labels\r\n"
                                + "\"b,1.jpg\",1e-3,-0.0,0\r\n"
                                + "a.jpg,0.12345678901234567,0.4000,1\r\n");
    }
}
