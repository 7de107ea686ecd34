package org.lightlyjava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.testing.TestImages;

/** File names with line breaks or terminal escapes cannot forge log lines or move the cursor. */
class EscapedNamesTest {

    private static final String FORGED = "12:00:00 ERROR forged";

    @TempDir Path dir;

    @Test
    void embed_brokenFileNamedWithANewline_staysOnItsLogLine() throws IOException {
        Path data = TestImages.classFolders(dir.resolve("data"), 1, 2, 40, 30);
        Path classDir;
        try (Stream<Path> dirs = Files.list(data)) {
            classDir = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Files.write(classDir.resolve("bad\n" + FORGED + ".jpg"), new byte[] {1, 2, 3});
        Files.write(classDir.resolve("esc\u001b[2Jcleared.jpg"), new byte[] {1, 2, 3});
        CliHarness cli = new CliHarness(dir);
        cli.launcher = Launcher.WORKFLOWS;

        int code =
                cli.run(
                        "embed",
                        "input_dir=data",
                        "model.name=resnet-9",
                        "model.width=0.25",
                        "collate.input_size=32",
                        "pre_trained=False",
                        "loader.num_workers=1");

        assertThat(code).as(cli.err()).isEqualTo(1);
        assertThat(cli.err())
                .contains("bad\\n" + FORGED + ".jpg")
                .contains("esc\\e[2Jcleared.jpg")
                .doesNotContain("\u001b");
        assertThat(cli.err().lines()).noneMatch(line -> line.startsWith(FORGED));
        List<Path> logs;
        try (Stream<Path> files = Files.walk(dir.resolve("lightly_outputs"))) {
            logs = files.filter(f -> f.getFileName().toString().equals("embed.log")).toList();
        }
        assertThat(logs).hasSize(1);
        String log = Files.readString(logs.get(0));
        assertThat(log).contains("bad\\n" + FORGED + ".jpg");
        assertThat(log.lines()).noneMatch(line -> line.startsWith(FORGED));
    }
}
