package org.lightlyjava.server.testing;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Azurite, Microsoft's Azure Storage emulator (npm package {@code azurite}), as a child process on
 * a free loopback port with its data in a temporary folder. It is found under {@code
 * $LIGHTLY_AZURITE_HOME} or {@code .ci/node} of the checkout ({@code npm install --prefix .ci/node
 * azurite@3.37.0}, as {@code .ci/run} does). Without it the tests are skipped, unless {@code
 * LIGHTLY_AZURITE_REQUIRED=true} (set by {@code .ci/run}) makes them fail.
 */
public final class Azurite implements AutoCloseable {

    /** Azurite's well-known development account and key (public, in Microsoft's docs). */
    public static final String ACCOUNT = "devstoreaccount1";

    public static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static final Pattern LISTENING =
            Pattern.compile("successfully listens on (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final Path folder;
    private final String endpoint;
    private final BlobServiceClient client;

    private Azurite(Process process, Path folder, String serviceUrl) {
        this.process = process;
        this.folder = folder;
        this.endpoint = serviceUrl + "/" + ACCOUNT;
        this.client =
                new BlobServiceClientBuilder()
                        .endpoint(endpoint)
                        .credential(new StorageSharedKeyCredential(ACCOUNT, KEY))
                        .buildClient();
    }

    /** Starts Azurite, or skips the test (fails it in CI) when it is not installed. */
    public static Azurite start() {
        Path bin = find();
        if (bin == null) {
            String message =
                    "Azurite is not installed: npm install --prefix .ci/node azurite@3.37.0 (or"
                            + " set LIGHTLY_AZURITE_HOME)";
            if ("true".equals(System.getenv("LIGHTLY_AZURITE_REQUIRED"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        try {
            Path folder = Files.createTempDirectory("azurite");
            Process process =
                    new ProcessBuilder(
                                    bin.toString(),
                                    "--blobHost",
                                    "127.0.0.1",
                                    "--blobPort",
                                    "0",
                                    "--location",
                                    folder.toString(),
                                    "--skipApiVersionCheck",
                                    "--loose",
                                    "--silent")
                            .redirectErrorStream(true)
                            .start();
            return new Azurite(process, folder, awaitUrl(process));
        } catch (IOException e) {
            throw new AssertionError("Azurite did not start", e);
        }
    }

    private static Path find() {
        List<Path> homes = new ArrayList<>();
        String home = System.getenv("LIGHTLY_AZURITE_HOME");
        if (home != null && !home.isEmpty()) {
            homes.add(Path.of(home));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            homes.add(dir.resolve(".ci/node"));
        }
        for (Path h : homes) {
            Path bin = h.resolve("node_modules/.bin/azurite-blob");
            if (Files.isExecutable(bin)) {
                return bin;
            }
        }
        return null;
    }

    /** Reads Azurite's output (on a thread of its own, which keeps draining it) for its URL. */
    private static String awaitUrl(Process process) {
        BlockingQueue<String> url = new ArrayBlockingQueue<>(1);
        StringBuilder output = new StringBuilder();
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                for (String line = in.readLine();
                                        line != null;
                                        line = in.readLine()) {
                                    Matcher m = LISTENING.matcher(line);
                                    if (m.find()) {
                                        url.offer(m.group(1));
                                    } else if (output.length() < 4000) {
                                        synchronized (output) {
                                            output.append(line).append('\n');
                                        }
                                    }
                                }
                            } catch (IOException e) {
                                // the process ended
                            }
                        },
                        "azurite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String found = url.poll(60, TimeUnit.SECONDS);
            if (found == null) {
                process.destroyForcibly();
                synchronized (output) {
                    throw new AssertionError("Azurite did not start:\n" + output);
                }
            }
            return found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError(e);
        }
    }

    /** {@code http://127.0.0.1:<port>/devstoreaccount1}: the blob service's URL (path style). */
    public String endpoint() {
        return endpoint;
    }

    public BlobContainerClient createContainer(String name) {
        return client.createBlobContainer(name);
    }

    public void put(String container, String blob, byte[] bytes) {
        client.getBlobContainerClient(container)
                .getBlobClient(blob)
                .upload(BinaryData.fromBytes(bytes), true);
    }

    public boolean exists(String container, String blob) {
        return client.getBlobContainerClient(container).getBlobClient(blob).exists();
    }

    public byte[] get(String container, String blob) {
        return client.getBlobContainerClient(container)
                .getBlobClient(blob)
                .downloadContent()
                .toBytes();
    }

    /** Every blob name of the container. */
    public List<String> names(String container) {
        List<String> names = new ArrayList<>();
        client.getBlobContainerClient(container).listBlobs().forEach(b -> names.add(b.getName()));
        return names;
    }

    /** A container SAS token (no leading {@code ?}) granting {@code permissions}, e.g. "racwdl". */
    public String containerSas(String container, String permissions) {
        return client.getBlobContainerClient(container)
                .generateSas(
                        new BlobServiceSasSignatureValues(
                                OffsetDateTime.now().plusHours(2),
                                BlobContainerSasPermission.parse(permissions)));
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            TempFiles.deleteRecursively(folder);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
