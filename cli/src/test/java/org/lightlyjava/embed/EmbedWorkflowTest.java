package org.lightlyjava.embed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.api.embeddings.EmbeddingsCsv;
import org.lightlyjava.config.Config;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.testing.Contexts;
import org.lightlyjava.testing.TestImages;

class EmbedWorkflowTest {

    @TempDir Path dir;

    @Test
    void embed_writesOneRowPerGoodImage_inDatasetOrder_andReportsTheBadOne() throws IOException {
        Path data = TestImages.classFolders(dir.resolve("data"), 2, 5, 40, 30);
        Files.writeString(data.resolve("class_1/broken.jpg"), "this is not a JPEG");
        Config config = Contexts.tiny(dir).with("input_dir", "data").with("loader.batch_size", "4");
        StringWriter out = new StringWriter();

        EmbedWorkflow.Result result =
                EmbedWorkflow.run(Contexts.in(dir.resolve("run"), config, out));

        EmbeddingsCsv.Table table = EmbeddingsCsv.read(result.embeddings());
        assertThat(table.fileNames())
                .containsExactly(
                        "class_0/img_000.jpg",
                        "class_0/img_001.jpg",
                        "class_0/img_002.jpg",
                        "class_0/img_003.jpg",
                        "class_0/img_004.jpg",
                        "class_1/img_000.jpg",
                        "class_1/img_001.jpg",
                        "class_1/img_002.jpg",
                        "class_1/img_003.jpg",
                        "class_1/img_004.jpg");
        assertThat(table.labels()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
        assertThat(table.dimension()).isEqualTo(32);
        assertThat(result.outcome().done()).isEqualTo(10);
        assertThat(result.outcome().failed()).isEqualTo(1);
        assertThat(result.outcome().exitCode()).isEqualTo(ExitCode.PARTIAL);
        assertThat(Files.readAllLines(dir.resolve("run/failed_images.tsv")))
                .hasSize(2)
                .last()
                .asString()
                .startsWith("class_1/broken.jpg\t");
        assertThat(out.toString()).contains("Embeddings are stored at " + result.embeddings());
        assertThat(result.metadata()).isNull();
    }

    @Test
    void embed_sameSeed_givesIdenticalFiles() throws IOException {
        TestImages.classFolders(dir.resolve("data"), 1, 6, 32, 32);
        Config config = Contexts.tiny(dir).with("input_dir", "data").with("seed", "3");
        Path first =
                EmbedWorkflow.run(Contexts.in(dir.resolve("a"), config, new StringWriter()))
                        .embeddings();
        Path second =
                EmbedWorkflow.run(Contexts.in(dir.resolve("b"), config, new StringWriter()))
                        .embeddings();
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
    }

    @Test
    void embed_withMetadata_writesLightlysMetaDataPerImage() throws IOException {
        TestImages.classFolders(dir.resolve("data"), 1, 3, 36, 20);
        Config config = Contexts.tiny(dir).with("input_dir", "data");

        EmbedWorkflow.Result result =
                EmbedWorkflow.run(
                        Contexts.in(dir.resolve("run"), config, new StringWriter()),
                        new EmbedWorkflow.Extras(true, false, java.util.List.of()));

        List<String> lines = Files.readAllLines(result.metadata());
        assertThat(lines).hasSize(3);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("fileName").asText()).isEqualTo("class_0/img_000.jpg");
        JsonNode meta = first.get("metaData");
        assertThat(meta.get("shape").toString()).isEqualTo("[20,36,3]");
        assertThat(meta.get("sizeInBytes").asLong())
                .isEqualTo(Files.size(dir.resolve("data/class_0/img_000.jpg")));
        assertThat(meta.get("is_corrupted").asBoolean()).isFalse();
        for (String key :
                List.of("mean", "std", "snr", "sharpness", "sumOfValues", "sumOfSquares")) {
            assertThat(meta.has(key)).as(key).isTrue();
        }
    }
}
