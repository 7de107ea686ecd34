package org.lightlyjava.server.datasource;

import com.google.cloud.ReadChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lights of a GCS datasource, as {@link S3Probe} finds S3's: List = one page of the prefix;
 * Read = the first byte of an object found there; Write = a create of {@code
 * <prefix>.lightly/.verify-<random>}; Overwrite = the same create again; then the probe object is
 * deleted (a failed delete is reported under {@code errors.delete}).
 */
final class GcsProbe {

    private static final Logger LOG = LoggerFactory.getLogger(GcsProbe.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] BODY = "lightly-server verify probe\n".getBytes();

    private final Storage storage;
    private final GcsLocation location;
    private final Lights lights = new Lights();

    GcsProbe(Storage storage, GcsLocation location) {
        this.storage = storage;
        this.location = location;
    }

    DatasourceConfigVerifyData run() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String probe = location.object(".lightly/.verify-" + HexFormat.of().formatHex(random));
        try {
            read(list());
            boolean written = write(probe, Lights.WRITE);
            if (write(probe, Lights.OVERWRITE) || written) {
                delete(probe);
            }
        } catch (RuntimeException e) {
            lights.redRest(describe(e));
        }
        DatasourceConfigVerifyData result = lights.result();
        LOG.debug("verified gcs {}: {}", location.fullPath(), result);
        return result;
    }

    private String list() {
        try {
            String lightly = location.object(".lightly/");
            String found = null;
            for (Blob blob :
                    storage.list(
                                    location.bucket(),
                                    Storage.BlobListOption.prefix(location.prefix()),
                                    Storage.BlobListOption.pageSize(20))
                            .getValues()) {
                if (found == null && !blob.getName().startsWith(lightly)) {
                    found = blob.getName();
                }
            }
            lights.green(Lights.LIST);
            return found;
        } catch (StorageException e) {
            if (e.getCode() <= 0) {
                throw e;
            }
            lights.red(Lights.LIST, describe(e));
            return null;
        }
    }

    private void read(String name) {
        if (name == null && lights.isGreen(Lights.LIST)) {
            lights.red(
                    Lights.READ,
                    "no object under " + location.fullPath() + " to read (is the path right?)");
            return;
        }
        String target = name != null ? name : location.object(".lightly/.verify-read");
        try (ReadChannel channel = storage.reader(BlobId.of(location.bucket(), target))) {
            channel.limit(1);
            channel.read(ByteBuffer.allocate(1));
            lights.green(Lights.READ);
        } catch (StorageException | IOException e) {
            int code = e instanceof StorageException s ? s.getCode() : 0;
            if (name == null && code == 404) {
                lights.red(Lights.READ, "no object known to read: the listing failed");
            } else {
                lights.red(Lights.READ, describe(e));
            }
        }
    }

    private boolean write(String name, String light) {
        BlobInfo info = BlobInfo.newBuilder(location.bucket(), name).build();
        try {
            storage.create(info, BODY);
            lights.green(light);
            return true;
        } catch (StorageException e) {
            lights.red(light, describe(e));
            return false;
        }
    }

    private void delete(String name) {
        try {
            storage.delete(BlobId.of(location.bucket(), name));
        } catch (RuntimeException e) {
            lights.red(
                    Lights.DELETE,
                    "the probe object " + name + " could not be deleted: " + describe(e));
        }
    }

    /** GCS's reason and status, or why it could not be reached. */
    static String describe(Exception e) {
        if (e instanceof StorageException s && s.getCode() > 0) {
            String reason = s.getReason() == null ? "error" : s.getReason();
            return reason + " (HTTP " + s.getCode() + "): " + RelativePaths.shorten(s.getMessage());
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return "Google Cloud Storage cannot be reached: " + cause.getClass().getSimpleName();
    }
}
