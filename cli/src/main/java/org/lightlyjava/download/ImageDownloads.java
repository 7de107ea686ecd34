package org.lightlyjava.download;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.SampleData;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the full images of selected samples through read URLs, in parallel, to {@code
 * output_dir/<file name>}, byte for byte as uploaded. Resumable: a file that exists with the size
 * the server recorded is skipped, and files are written under a temporary name and renamed, so an
 * interrupted download never leaves a half file under the real name.
 */
final class ImageDownloads {

    private static final Logger log = LoggerFactory.getLogger(ImageDownloads.class);

    private ImageDownloads() {}

    static Outcome download(
            LightlyClient client,
            String datasetId,
            List<Integer> indices,
            List<String> fileNames,
            Path outputDir,
            int threads,
            Progress.Factory progress) {
        List<String> ids = client.mappings(datasetId, "_id");
        AtomicLong failed = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Progress bar = progress.start("download", fileNames.size(), "img")) {
            List<Future<?>> jobs = new java.util.ArrayList<>();
            for (int i = 0; i < fileNames.size(); i++) {
                String id = ids.get(indices.get(i));
                String name = fileNames.get(i);
                jobs.add(
                        pool.submit(
                                () -> {
                                    try {
                                        if (!one(client, datasetId, id, name, outputDir)) {
                                            skipped.incrementAndGet();
                                        }
                                    } catch (IOException | RuntimeException e) {
                                        failed.incrementAndGet();
                                        log.warn(
                                                "Downloading of image {} failed with error {}",
                                                name,
                                                e.getMessage());
                                    } finally {
                                        bar.step(1);
                                    }
                                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (skipped.get() > 0) {
            log.info("{} images were already in {} and were skipped", skipped.get(), outputDir);
        }
        return new Outcome(fileNames.size() - failed.get(), failed.get());
    }

    /** Downloads one image; false when it was already there. */
    private static boolean one(
            LightlyClient client, String datasetId, String sampleId, String name, Path outputDir)
            throws IOException {
        Path target = outputDir.resolve(name).normalize();
        if (!target.startsWith(outputDir)) {
            throw new IOException("the file name leaves the output folder");
        }
        if (Files.isRegularFile(target)) {
            long expected = expectedSize(client.sample(datasetId, sampleId));
            if (expected < 0 || Files.size(target) == expected) {
                return false;
            }
        }
        byte[] bytes = client.get(client.readUrl(datasetId, sampleId, "full"), "image " + name);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        Files.write(tmp, bytes);
        Files.move(
                tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private static long expectedSize(SampleData sample) {
        JsonNode meta = sample.metaData();
        return meta != null && meta.hasNonNull("sizeInBytes")
                ? meta.get("sizeInBytes").asLong()
                : -1;
    }
}
