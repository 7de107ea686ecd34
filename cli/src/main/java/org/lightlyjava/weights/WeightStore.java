package org.lightlyjava.weights;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import org.lightlyjava.run.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Weight files by name or URL: from lightly-java's cache, from PyTorch's hub cache, or downloaded
 * into the cache. A download lands in {@code <name>.part}, is checked completely ({@link
 * FileCheck}), fetched once more from scratch if the check fails, and only then renamed into place:
 * the cache never holds half a file. Concurrent runs take turns through a lock file.
 */
public final class WeightStore {

    private static final Logger log = LoggerFactory.getLogger(WeightStore.class);

    /**
     * The outcome of a lookup.
     *
     * @param file the weights, or {@code null}
     * @param problem why there is no file, or {@code null}
     */
    public record Result(Path file, String problem) {
        static Result found(Path file) {
            return new Result(file, null);
        }

        static Result missing(String problem) {
            return new Result(null, problem);
        }
    }

    private final WeightSettings settings;
    private final Downloader downloader;

    public WeightStore(WeightSettings settings, HttpClient http, Progress.Factory progress) {
        this.settings = settings;
        this.downloader =
                new Downloader(
                        http,
                        progress,
                        settings.attempts(),
                        settings.stallTimeout(),
                        settings.backoff());
    }

    /** A store with its own HTTP client (30 s connect timeout, redirects within https). */
    public static WeightStore create(WeightSettings settings, Progress.Factory progress) {
        HttpClient http =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(30))
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
        return new WeightStore(settings, http, progress);
    }

    public WeightSettings settings() {
        return settings;
    }

    /** Lightly's pretrained checkpoint for a zoo key ({@link ModelZoo#key}). */
    public Result pretrained(String key) {
        Optional<String> file = ModelZoo.fileName(key);
        if (file.isEmpty()) {
            return Result.missing(
                    "Cannot download checkpoint for key " + key + " because it does not exist!");
        }
        return fetch(settings.zooUrl().resolve(file.get()), file.get());
    }

    /** The file at {@code url} ({@code checkpoint=https://...}), named by its last path part. */
    public Result url(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Result.missing(url + " is not a valid URL: " + e.getMessage());
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.startsWith(".") || !name.matches("[A-Za-z0-9._+-]+")) {
            return Result.missing(url + " does not end in a file name this tool can cache");
        }
        return fetch(uri, name);
    }

    private Result fetch(URI url, String name) {
        Optional<Path> cached = cached(name);
        if (cached.isPresent()) {
            return Result.found(cached.get());
        }
        if (settings.offline()) {
            return Result.missing(
                    "offline ("
                            + WeightSettings.ENV_OFFLINE
                            + "): "
                            + name
                            + " is in neither "
                            + settings.cacheDir()
                            + " nor "
                            + settings.torchHubDir());
        }
        try {
            return Result.found(download(url, name));
        } catch (IOException e) {
            return Result.missing(
                    "Not able to load state dict from " + url + ": " + Failures.reason(e));
        }
    }

    /** A whole copy in our cache or PyTorch's; damaged copies in our cache are removed. */
    private Optional<Path> cached(String name) {
        Path ours = settings.cacheDir().resolve(name);
        if (Files.isRegularFile(ours)) {
            try {
                FileCheck.check(ours);
                return Optional.of(ours);
            } catch (IOException e) {
                log.warn("the cached {} is damaged ({}); fetching it again", ours, e.getMessage());
                deleteQuietly(ours);
            }
        }
        Path torch = settings.torchHubDir().resolve(name);
        if (Files.isRegularFile(torch)) {
            try {
                FileCheck.check(torch);
                log.info("using {} from PyTorch's hub cache", torch);
                return Optional.of(torch);
            } catch (IOException e) {
                log.warn(
                        "{} in PyTorch's hub cache is damaged ({}); not using it",
                        torch,
                        e.getMessage());
            }
        }
        return Optional.empty();
    }

    private Path download(URI url, String name) throws IOException {
        Files.createDirectories(settings.cacheDir());
        Path target = settings.cacheDir().resolve(name);
        Path partial = settings.cacheDir().resolve(name + ".part");
        try (FileChannel lockFile =
                        FileChannel.open(
                                settings.cacheDir().resolve(name + ".lock"),
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            Optional<Path> done = cached(name); // another run may have fetched it meanwhile
            if (done.isPresent()) {
                return done.get();
            }
            log.info("downloading {} to {}", url, settings.cacheDir());
            Digests stated = downloader.fetch(url, partial, name);
            try {
                check(partial, stated);
            } catch (IOException first) {
                log.warn(
                        "the download of {} is damaged ({}); fetching it again",
                        name,
                        first.getMessage());
                Files.deleteIfExists(partial);
                Digests again = downloader.fetch(url, partial, name);
                try {
                    check(partial, again);
                } catch (IOException second) {
                    Files.deleteIfExists(partial);
                    throw new IOException(
                            "the file arrived damaged twice: " + second.getMessage(), second);
                }
            }
            Files.move(
                    partial,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
    }

    /** The server's checksums, then the file's own structure and checksums. */
    private static void check(Path file, Digests stated) throws IOException {
        stated.verify(file);
        FileCheck.check(file);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("cannot delete {}: {}", file, e.getMessage());
        }
    }
}
