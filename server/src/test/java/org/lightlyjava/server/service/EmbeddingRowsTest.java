package org.lightlyjava.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.api.embeddings.EmbeddingsCsvWriter;
import org.lightlyjava.server.selection.Vectors;

class EmbeddingRowsTest {

    @TempDir Path dir;

    private Path csv() throws IOException {
        Path file = dir.resolve("e.csv");
        try (EmbeddingsCsvWriter out = EmbeddingsCsvWriter.create(file, 2)) {
            out.write("a.jpg", new float[] {1, 2}, 0);
            out.write("b, \"quoted\".jpg", new float[] {3.5f, -4e-7f}, 1);
            out.write("c.jpg", new float[] {5, 6}, 0);
        }
        return file;
    }

    private static BitSet bits(int... indices) {
        BitSet bits = new BitSet();
        for (int i : indices) {
            bits.set(i);
        }
        return bits;
    }

    @Test
    void wantedRows_areReadInIndexOrder_namesWithCommasIncluded() throws IOException {
        List<Vectors> rows = EmbeddingRows.read(csv(), 3, 2, List.of(bits(1, 2), bits(0)));
        assertThat(rows.get(0).values()).containsExactly(3.5f, -4e-7f, 5, 6);
        assertThat(rows.get(0).rows()).isEqualTo(2);
        assertThat(rows.get(1).values()).containsExactly(1, 2);
        assertThat(EmbeddingRows.read(csv(), 3, 2, List.of(new BitSet())).get(0).rows()).isZero();
    }

    @Test
    void anUploadedLayout_isReadByItsHeader() throws IOException {
        Path file = dir.resolve("user.csv");
        Files.writeString(
                file,
                "filenames,labels,embedding_0,masked,embedding_1\n"
                        + "a.jpg,0, 0.12345678901234567 ,1,\"0.4000\"\n"
                        + "b.jpg,1,-1.5e-3,0,2");
        List<Vectors> rows = EmbeddingRows.read(file, 2, 2, List.of(bits(0, 1)));
        assertThat(rows.get(0).values()).containsExactly(0.12345679f, 0.4f, -0.0015f, 2f);
    }

    @Test
    void aFileThatChanged_isRefused() throws IOException {
        Path file = csv();
        assertThatThrownBy(() -> EmbeddingRows.read(file, 4, 2, List.of(bits(0))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("3 rows");
        assertThatThrownBy(() -> EmbeddingRows.read(file, 3, 5, List.of(bits(0))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("2 embedding columns, expected 5");
        Files.writeString(file, "filenames,embedding_0,labels\r\na.jpg,NaN,0\r\n");
        assertThatThrownBy(() -> EmbeddingRows.read(file, 1, 1, List.of(bits(0))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("NaN");
    }
}
