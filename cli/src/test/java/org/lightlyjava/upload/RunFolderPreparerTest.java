package org.lightlyjava.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.dataset.Sample;

class RunFolderPreparerTest {

    @TempDir Path dir;

    @Test
    void everyLineIsFound_acrossBlocks_withEscapesCrlfAndNoFinalNewline() throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            jsonl.append(line("img_" + i + ".jpg", i)).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        // longer than the 64 KiB read block, and a name the quick scan leaves to the JSON parser
        jsonl.append(line("long.jpg", 70_000)).append('\n');
        jsonl.append("{\"metaData\":{\"sharpness\":5},\"fileName\":\"b\\u00e4r \\\"1\\\".jpg\"}\n");
        jsonl.append(line("last.jpg", 3));
        Path file = dir.resolve("metadata.jsonl");
        Files.writeString(file, jsonl, StandardCharsets.UTF_8);

        try (RunFolderPreparer preparer =
                RunFolderPreparer.open(file, dir.resolve("thumbnails"), UploadMode.METADATA)) {
            for (int i = 0; i < 3000; i++) {
                PreparedSample p = preparer.prepare(new Sample("img_" + i + ".jpg", 0));
                assertThat(p.error()).isNull();
                assertThat(p.metaData().get("sharpness").asInt()).isEqualTo(i);
                assertThat(p.exif().get("pad").asText()).hasSize(i % 7);
            }
            assertThat(preparer.prepare(new Sample("long.jpg", 0)).exif().get("pad").asText())
                    .hasSize(70_000 % 7);
            assertThat(
                            preparer.prepare(new Sample("long.jpg", 0))
                                    .metaData()
                                    .get("sharpness")
                                    .asInt())
                    .isEqualTo(70_000);
            assertThat(preparer.prepare(new Sample("bär \"1\".jpg", 0)).metaData().get("sharpness"))
                    .hasToString("5");
            assertThat(preparer.prepare(new Sample("last.jpg", 0)).metaData().get("sharpness"))
                    .hasToString("3");
            assertThat(preparer.prepare(new Sample("absent.jpg", 0)).error())
                    .contains("not in metadata.jsonl");
        }
    }

    private static String line(String name, int value) {
        return "{\"fileName\":\""
                + name
                + "\",\"metaData\":{\"sharpness\":"
                + value
                + ",\"blob\":\""
                + "x".repeat(value > 10_000 ? value : 0)
                + "\"},\"exif\":{\"pad\":\""
                + "p".repeat(value % 7)
                + "\"}}";
    }
}
