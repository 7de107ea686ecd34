package org.lightlyjava.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The project version: the jar manifest's {@code Implementation-Version}, else the {@code version}
 * in {@code org/lightlyjava/cli/version.properties} once Maven filters it, else the {@code
 * pom.properties} Maven puts into the jar, else {@value #FALLBACK}.
 */
final class Version {

    static final String FALLBACK = "0.1.0-SNAPSHOT";

    private static final String RESOURCE = "version.properties";
    private static final String POM = "/META-INF/maven/org.lightlyjava/lightly-cli/pom.properties";

    private Version() {}

    static String current() {
        return first(
                Optional.ofNullable(Version.class.getPackage().getImplementationVersion()),
                property(RESOURCE),
                property(POM));
    }

    /** The first usable candidate: not blank and not an unfiltered {@code ${...}} placeholder. */
    @SafeVarargs
    static String first(Optional<String>... candidates) {
        return Stream.of(candidates)
                .flatMap(Optional::stream)
                .map(String::trim)
                .filter(v -> !v.isEmpty() && !v.contains("${"))
                .findFirst()
                .orElse(FALLBACK);
    }

    private static Optional<String> property(String resource) {
        try (InputStream in = Version.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("version"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
