package org.lightlyjava.server.datasource;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lights of an AZURE datasource, as {@link S3Probe} finds S3's: List = one page of the prefix;
 * Read = the first byte of a blob found there; Write = an upload of {@code
 * <prefix>.lightly/.verify-<random>} that must not overwrite; Overwrite = the same upload again;
 * then the probe blob is deleted (a failed delete is reported under {@code errors.delete}). A SAS
 * token without write permission turns Write and Overwrite red saying so, without trying.
 */
final class AzureProbe {

    private static final Logger LOG = LoggerFactory.getLogger(AzureProbe.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] BODY = "lightly-server verify probe\n".getBytes();

    private final BlobContainerClient container;
    private final AzureLocation location;
    private final AzureSas sas;
    private final Lights lights = new Lights();

    AzureProbe(BlobContainerClient container, AzureLocation location, AzureSas sas) {
        this.container = container;
        this.location = location;
        this.sas = sas;
    }

    DatasourceConfigVerifyData run() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String probe = location.blob(".lightly/.verify-" + HexFormat.of().formatHex(random));
        try {
            read(list());
            if (sas != null && !sas.canWrite()) {
                lights.red(Lights.WRITE, sas.writeProblem());
                lights.red(Lights.OVERWRITE, sas.writeProblem());
            } else {
                boolean written = write(probe, Lights.WRITE, false);
                if (write(probe, Lights.OVERWRITE, true) || written) {
                    delete(probe);
                }
            }
        } catch (RuntimeException e) {
            lights.redRest(AzureErrors.describe(e, sas));
        }
        DatasourceConfigVerifyData result = lights.result();
        LOG.debug("verified azure {}: {}", location.fullPath(), result);
        return result;
    }

    /** Lists a few blobs; returns one to read, or null. */
    private String list() {
        try {
            ListBlobsOptions options =
                    new ListBlobsOptions().setPrefix(location.prefix()).setMaxResultsPerPage(20);
            String lightly = location.blob(".lightly/");
            String found = null;
            for (BlobItem item :
                    container
                            .listBlobs(options, null)
                            .iterableByPage(20)
                            .iterator()
                            .next()
                            .getValue()) {
                if (found == null && !item.getName().startsWith(lightly)) {
                    found = item.getName();
                }
            }
            lights.green(Lights.LIST);
            return found;
        } catch (BlobStorageException e) {
            lights.red(Lights.LIST, AzureErrors.describe(e, sas));
            return null;
        }
    }

    private void read(String name) {
        if (name == null && lights.isGreen(Lights.LIST)) {
            lights.red(
                    Lights.READ,
                    "no blob under " + location.fullPath() + " to read (is the path right?)");
            return;
        }
        String target = name != null ? name : location.blob(".lightly/.verify-read");
        try {
            container
                    .getBlobClient(target)
                    .downloadStreamWithResponse(
                            new ByteArrayOutputStream(),
                            new BlobRange(0, 1L),
                            null,
                            null,
                            false,
                            null,
                            Context.NONE);
            lights.green(Lights.READ);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 416 && name != null) {
                lights.green(Lights.READ); // an empty blob: readable, just no byte 0
            } else if (name == null && e.getStatusCode() == 404) {
                lights.red(Lights.READ, "no blob known to read: the listing failed");
            } else {
                lights.red(Lights.READ, AzureErrors.describe(e, sas));
            }
        }
    }

    private boolean write(String name, String light, boolean overwrite) {
        try {
            container.getBlobClient(name).upload(BinaryData.fromBytes(BODY), overwrite);
            lights.green(light);
            return true;
        } catch (BlobStorageException e) {
            lights.red(light, AzureErrors.describe(e, sas));
            return false;
        }
    }

    private void delete(String name) {
        BlobClient blob = container.getBlobClient(name);
        try {
            blob.delete();
        } catch (RuntimeException e) {
            lights.red(
                    Lights.DELETE,
                    "the probe blob "
                            + name
                            + " could not be deleted: "
                            + AzureErrors.describe(e, sas));
        }
    }
}
