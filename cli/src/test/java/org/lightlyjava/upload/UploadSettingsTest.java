package org.lightlyjava.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.server.service.Names;
import org.lightlyjava.testing.Contexts;

class UploadSettingsTest {

    @TempDir Path dir;

    @Test
    void newDatasetName_isAcceptedExactlyWhenTheServerWouldAcceptIt() {
        List<String> names =
                List.of(
                        "ab",
                        "abc",
                        "Farm 2024_v-2",
                        "-farm",
                        " farm",
                        "farm/2024",
                        "farm.v2",
                        "bäckerei",
                        "a\tb",
                        "a".repeat(255),
                        "a".repeat(256));
        for (String name : names) {
            assertThat(clientAccepts(name)).as(name).isEqualTo(serverAccepts(name));
        }
        assertThat(clientAccepts("Farm 2024_v-2")).isTrue();
        assertThat(clientAccepts("farm/2024")).isFalse();
    }

    private boolean clientAccepts(String name) {
        try {
            UploadSettings.from(Contexts.tiny(dir).with("new_dataset_name", name));
            return true;
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains("new_dataset_name=");
            return false;
        }
    }

    private static boolean serverAccepts(String name) {
        try {
            Names.dataset(name);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
