package org.lightlyjava.api.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingsCsvTest {

    @TempDir Path dir;

    @Test
    void write_producesLightlysExactFormat() throws IOException {
        StringWriter text = new StringWriter();
        try (EmbeddingsCsvWriter writer = EmbeddingsCsvWriter.to(text, 2)) {
            writer.write("cats/a.jpg", new float[] {-51.535f, 1e-5f}, 0);
            writer.write("dogs/b c.jpg", new float[] {2f, 0.1f}, 1);
        }
        assertThat(text.toString())
                .isEqualTo(
                        "filenames,embedding_0,embedding_1,labels\r\n"
                                + "cats/a.jpg,-51.535,1e-05,0\r\n"
                                + "dogs/b c.jpg,2.0,0.1,1\r\n");
    }

    @Test
    void roundTrip_keepsNamesValuesLabelsAndOrder() throws IOException {
        Path file = dir.resolve("embeddings.csv");
        float[][] vectors = {{0.25f, -3.5e-7f, 12345.678f}, {1f, 2f, 3f}, {-0f, 7e20f, 1e-45f}};
        String[] names = {"z.png", "a/\"quoted\".jpg", "m.webp"};
        try (EmbeddingsCsvWriter writer = EmbeddingsCsvWriter.create(file, 3)) {
            for (int i = 0; i < names.length; i++) {
                writer.write(names[i], vectors[i], i);
            }
        }
        EmbeddingsCsv.Table table = EmbeddingsCsv.read(file);
        assertThat(table.fileNames()).containsExactly(names);
        assertThat(table.labels()).containsExactly(0, 1, 2);
        for (int i = 0; i < names.length; i++) {
            assertThat(table.embeddings().get(i)).containsExactly(vectors[i]);
        }
        assertThat(table.dimension()).isEqualTo(3);
    }

    @Test
    void read_dropsExtraColumnsSuchAsSelected() throws IOException {
        String csv = "filenames,embedding_0,selected,embedding_1,labels\na.jpg,1.5,1,2.5,3\n";
        EmbeddingsCsv.Table table = EmbeddingsCsv.read(new StringReader(csv), "x.csv");
        assertThat(table.embeddings().get(0)).containsExactly(1.5f, 2.5f);
        assertThat(table.labels()).containsExactly(3);
    }

    @Test
    void read_refusesBrokenFilesNamingTheLine() {
        assertThatThrownBy(() -> read("name,embedding_0,labels\na,1,0\n"))
                .hasMessageContaining("first column must be 'filenames'");
        assertThatThrownBy(() -> read("filenames,embedding_0\na,1\n"))
                .hasMessageContaining("labels");
        assertThatThrownBy(() -> read("filenames,embedding_0,labels\na,1,0\n\nb,2,0\n"))
                .hasMessageContaining("line 3: empty row");
        assertThatThrownBy(() -> read("filenames,embedding_0,labels\na,x,0\n"))
                .hasMessageContaining("line 2: 'x' is not a number");
        assertThatThrownBy(() -> read("filenames,embedding_0,labels\na,1\n"))
                .hasMessageContaining("line 2: 2 columns, the header has 3");
        assertThatThrownBy(() -> read("filenames, embedding_0,labels\na,1,0\n"))
                .hasMessageContaining("whitespace");
        assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
    }

    private static EmbeddingsCsv.Table read(String text) throws IOException {
        return EmbeddingsCsv.read(new StringReader(text), "x.csv");
    }

    @Test
    void write_rejectsWrongDimension() throws IOException {
        try (EmbeddingsCsvWriter writer = EmbeddingsCsvWriter.to(new StringWriter(), 2)) {
            assertThatThrownBy(() -> writer.write("a", new float[3], 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rowReader_givesTheRowsOneAtATimeWithTheirLines() throws IOException {
        String csv =
                "filenames,embedding_0,embedding_1,labels\r\nb.jpg,1.5,2,3\r\n\"a,1.jpg\",-1,0,4\r\n";
        try (EmbeddingsCsv.RowReader rows =
                EmbeddingsCsv.RowReader.open(new StringReader(csv), "x.csv")) {
            assertThat(rows.dimension()).isEqualTo(2);
            assertThat(rows.next()).isTrue();
            float[] first = rows.embedding();
            assertThat(rows.fileName()).isEqualTo("b.jpg");
            assertThat(first).containsExactly(1.5f, 2f);
            assertThat(rows.label()).isEqualTo(3);
            assertThat(rows.line()).isEqualTo(2);
            assertThat(rows.next()).isTrue();
            assertThat(rows.embedding()).isSameAs(first).containsExactly(-1f, 0f);
            assertThat(rows.fileName()).isEqualTo("a,1.jpg");
            assertThat(rows.line()).isEqualTo(3);
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void rowReader_refusesABadRowWhenItComesToIt() throws IOException {
        String csv = "filenames,embedding_0,labels\na.jpg,1,0\nb.jpg,1,zero\n";
        try (EmbeddingsCsv.RowReader rows =
                EmbeddingsCsv.RowReader.open(new StringReader(csv), "x.csv")) {
            assertThat(rows.next()).isTrue();
            assertThatThrownBy(rows::next)
                    .isInstanceOf(InvalidEmbeddingsException.class)
                    .hasMessageContaining("x.csv, line 3: label 'zero' is not an integer");
        }
    }

    @Test
    void firstRepeat_namesTheLineAndTheFileName() throws IOException {
        assertThat(read("filenames,embedding_0,labels\na,1,0\nb,1,0\n").firstRepeat()).isEmpty();
        assertThat(read("filenames,embedding_0,labels\na,1,0\nb,1,0\nc,1,0\nb,2,0\n").firstRepeat())
                .contains("line 5 repeats 'b' of line 3");
    }
}
