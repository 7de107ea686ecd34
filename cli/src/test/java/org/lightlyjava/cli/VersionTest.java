package org.lightlyjava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void first_skipsMissingBlankAndUnfilteredValues() {
        assertThat(
                        Version.first(
                                Optional.empty(),
                                Optional.of(" "),
                                Optional.of("${project.version}"),
                                Optional.of("1.2.3")))
                .isEqualTo("1.2.3");
    }

    @Test
    void first_nothingUsable_fallsBack() {
        assertThat(Version.first(Optional.of("${project.version}"))).isEqualTo(Version.FALLBACK);
    }

    @Test
    void current_isAVersion() {
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
