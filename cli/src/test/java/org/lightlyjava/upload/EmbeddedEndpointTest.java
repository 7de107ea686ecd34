package org.lightlyjava.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the embedded default tells the user after an upload: one command to browse the data. */
class EmbeddedEndpointTest {

    private static final Path HOME = Path.of("/home/u/.lightly-java");

    @Test
    void browseHint_isOneCommand_withDataDirOnlyWhenNotTheDefault() {
        assertThat(EmbeddedEndpoint.browseHint(HOME, HOME))
                .isEqualTo(
                        "The data is in /home/u/.lightly-java. To browse it, run: lightly-server"
                                + " browse (it prints a link that signs you in)")
                .doesNotContain("token create")
                .doesNotContain("\n");
        assertThat(EmbeddedEndpoint.browseHint(Path.of("/data/lightly"), HOME))
                .contains("run: lightly-server browse --data-dir /data/lightly (it prints");
    }

    @Test
    void browseHint_quotesAFolderTheShellWouldSplit() {
        assertThat(EmbeddedEndpoint.browseHint(Path.of("/data/it's mine"), HOME))
                .contains("lightly-server browse --data-dir '/data/it'\\''s mine' (");
    }
}
