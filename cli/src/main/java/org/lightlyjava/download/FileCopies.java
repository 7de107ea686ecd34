package org.lightlyjava.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.lightlyjava.run.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Copies the selected files from {@code input_dir} to {@code output_dir}, keeping sub-folders. */
final class FileCopies {

    private static final Logger log = LoggerFactory.getLogger(FileCopies.class);

    private FileCopies() {}

    static Outcome copy(Path inputDir, Path outputDir, List<String> fileNames) throws IOException {
        long failed = 0;
        for (String name : fileNames) {
            Path from = inputDir.resolve(name).normalize();
            Path to = outputDir.resolve(name).normalize();
            if (!from.startsWith(inputDir) || !to.startsWith(outputDir)) {
                log.warn("skipped {}: the name leaves its folder", name);
                failed++;
                continue;
            }
            if (!Files.isRegularFile(from)) {
                log.warn("skipped {}: not found in {}", name, inputDir);
                failed++;
                continue;
            }
            Files.createDirectories(to.getParent());
            Files.copy(
                    from,
                    to,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        return new Outcome(fileNames.size() - failed, failed);
    }
}
