package org.lightlyjava.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lightlyjava.config.Assignment;
import org.lightlyjava.config.Config;
import org.lightlyjava.config.ConfigException;
import org.lightlyjava.config.ConfigYaml;

/**
 * The folder a run writes its outputs to, as Hydra makes it: {@code hydra.run.dir}, by default
 * {@code lightly_outputs/${now:%Y-%m-%d}/${now:%H-%M-%S}}, under the directory the user ran from.
 * Two runs never share a folder: when it exists already (two runs in the same second), a fresh
 * sibling {@code <name>_1}, {@code <name>_2}, ... is used. The folder holds {@code
 * .hydra/config.yaml} (the resolved configuration) and {@code .hydra/overrides.yaml} (the
 * command-line words), both with secrets as {@code ***}.
 */
public final class RunFolder {

    /** The key that names the run folder. */
    public static final String KEY = "hydra.run.dir";

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^}]*)}");
    private static final int MAX_SIBLINGS = 1000;

    private RunFolder() {}

    /**
     * Creates the run folder for {@code config} at the time of {@code clock} and writes the {@code
     * .hydra} files.
     *
     * @throws ConfigException when {@code hydra.run.dir} uses an unsupported interpolation
     * @throws ToolException ({@link ExitCode#CONFIG}) when the folder cannot be created
     */
    public static Path create(Config config, List<Assignment> overrides, Clock clock) {
        String pattern = config.string(KEY);
        if (pattern.isBlank()) {
            throw new ConfigException(KEY, "hydra.run.dir must not be empty");
        }
        Path wanted = config.workingDir().resolve(expand(pattern, ZonedDateTime.now(clock)));
        try {
            Path dir = createFresh(wanted.normalize());
            writeHydraFiles(dir, config, overrides);
            return dir;
        } catch (IOException e) {
            throw new ToolException(
                    ExitCode.CONFIG, "cannot create the run folder " + wanted + ": " + e, e);
        }
    }

    /**
     * Removes {@code dir} when the run left nothing in it but {@code .hydra} and {@code logFile},
     * as after a usage or configuration error found before any work; then also its parent folders
     * up to {@code workingDir} that became empty ({@code lightly_outputs/<date>}). Never throws: a
     * folder that cannot be removed stays.
     *
     * @return whether {@code dir} was removed
     */
    public static boolean removeIfUnused(Path dir, String logFile, Path workingDir) {
        try (Stream<Path> entries = Files.list(dir)) {
            Set<String> names =
                    entries.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            if (!Set.of(".hydra", logFile).containsAll(names)) {
                return false;
            }
            deleteTree(dir.resolve(".hydra"));
            Files.deleteIfExists(dir.resolve(logFile));
            Files.delete(dir);
            for (Path parent = dir.getParent();
                    parent != null && parent.startsWith(workingDir) && !parent.equals(workingDir);
                    parent = parent.getParent()) {
                try (Stream<Path> rest = Files.list(parent)) {
                    if (rest.findAny().isPresent()) {
                        break;
                    }
                }
                Files.delete(parent);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                Files.delete(entry);
            }
        }
        Files.delete(dir);
    }

    /** {@code pattern} with each {@code ${now:<strftime format>}} replaced by {@code now}. */
    static String expand(String pattern, ZonedDateTime now) {
        Matcher m = INTERPOLATION.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String expression = m.group(1);
            if (!expression.startsWith("now:")) {
                throw new ConfigException(
                        KEY,
                        "unsupported interpolation ${"
                                + expression
                                + "} in hydra.run.dir: only ${now:<format>} is supported");
            }
            m.appendReplacement(
                    out, Matcher.quoteReplacement(Strftime.format(expression.substring(4), now)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Creates {@code wanted}, or its first free sibling {@code wanted_N}. */
    static Path createFresh(Path wanted) throws IOException {
        Path parent = wanted.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        for (int i = 0; i < MAX_SIBLINGS; i++) {
            Path candidate =
                    i == 0 ? wanted : wanted.resolveSibling(wanted.getFileName() + "_" + i);
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                // taken by an earlier run: try the next sibling
            }
        }
        throw new FileAlreadyExistsException(wanted + " and " + MAX_SIBLINGS + " siblings");
    }

    private static void writeHydraFiles(Path dir, Config config, List<Assignment> overrides)
            throws IOException {
        Path hydra = Files.createDirectories(dir.resolve(".hydra"));
        Files.writeString(
                hydra.resolve("config.yaml"), ConfigYaml.write(config), StandardCharsets.UTF_8);
        Files.writeString(
                hydra.resolve("overrides.yaml"),
                ConfigYaml.overrides(overrides),
                StandardCharsets.UTF_8);
    }
}
