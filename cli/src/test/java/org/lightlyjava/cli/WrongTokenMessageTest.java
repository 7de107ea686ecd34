package org.lightlyjava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.testing.TestImages;
import org.lightlyjava.testing.TestServer;

/** The message of lightly-upload with a token the server refuses, as the user sees it. */
class WrongTokenMessageTest {

    @TempDir Path dir;

    @Test
    void wrongToken_saysTheServerRefusedIt_inOneCleanSentence() {
        TestImages.classFolders(dir.resolve("data"), 1, 2, 40, 32);
        StringWriter err = new StringWriter();
        int code;
        try (TestServer server = TestServer.start(dir.resolve("server"))) {
            code =
                    Main.run(
                            new PrintWriter(new StringWriter()),
                            new PrintWriter(err),
                            Map.of("LIGHTLY_PROGRESS", "log"),
                            dir,
                            "lightly-upload",
                            "input_dir=data",
                            "new_dataset_name=farm",
                            "server_location=" + server.direct(),
                            "token=wrong-secret");
        }
        assertThat(code).isEqualTo(3);
        assertThat(err.toString())
                .contains(
                        "lightly-upload: the server refused the token (HTTP 401 UNAUTHORIZED):"
                                + " check the token setting or the environment variable"
                                + " LIGHTLY_TOKEN\n")
                .doesNotContain("wrong-secret")
                .doesNotContain("(?token");
    }
}
