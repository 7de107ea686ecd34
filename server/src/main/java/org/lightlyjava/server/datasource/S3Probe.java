package org.lightlyjava.server.datasource;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The lights of an S3 datasource, from really using its credentials: List = ListObjectsV2 on the
 * prefix; Read = a one-byte GetObject of an object found there; Write = PutObject of {@code
 * <prefix>.lightly/.verify-<random>}; Overwrite = the same PutObject again (tried even when the
 * first failed, so that its light carries S3's own reason); then the probe object is deleted (a
 * failed delete is reported under {@code errors.delete}, it is no light). When the store cannot be
 * reached at all, the lights not yet decided turn red with that reason and nothing more is tried,
 * so a dead endpoint costs one timeout.
 */
final class S3Probe {

    private static final Logger LOG = LoggerFactory.getLogger(S3Probe.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] BODY = "lightly-server verify probe\n".getBytes();

    private final S3Client client;
    private final S3Settings settings;
    private final Lights lights = new Lights();

    S3Probe(S3Client client, S3Settings settings) {
        this.client = client;
        this.settings = settings;
    }

    DatasourceConfigVerifyData run() {
        String probe =
                settings.location().key(".lightly/.verify-" + HexFormat.of().formatHex(bytes()));
        try {
            String readable = list();
            read(readable);
            boolean written = write(probe, Lights.WRITE);
            if (write(probe, Lights.OVERWRITE) || written) {
                delete(probe);
            }
        } catch (SdkException e) {
            lights.redRest(S3Errors.describe(e, settings));
        }
        DatasourceConfigVerifyData result = lights.result();
        LOG.debug("verified {}: {}", settings, result);
        return result;
    }

    /** Lists a few keys; returns one to read, or null. */
    private String list() {
        try {
            ListObjectsV2Response listed =
                    client.listObjectsV2(
                            b ->
                                    b.bucket(bucket())
                                            .prefix(settings.location().prefix())
                                            .maxKeys(20));
            lights.green(Lights.LIST);
            String lightly = settings.location().key(".lightly/");
            for (S3Object o : listed.contents()) {
                if (!o.key().startsWith(lightly) && !o.key().endsWith("/")) {
                    return o.key();
                }
            }
            return null;
        } catch (S3Exception e) {
            lights.red(Lights.LIST, S3Errors.describe(e, settings));
            return null;
        }
    }

    private void read(String key) {
        if (key == null && lights.isGreen(Lights.LIST)) {
            lights.red(
                    Lights.READ,
                    "no object under "
                            + settings.location().fullPath()
                            + " to read (is the path right?)");
            return;
        }
        // Without a listing, read a key that is not there: S3 still says why it refuses.
        String target = key != null ? key : settings.location().key(".lightly/.verify-read");
        try {
            GetObjectRequest request =
                    GetObjectRequest.builder()
                            .bucket(bucket())
                            .key(target)
                            .range("bytes=0-0")
                            .build();
            client.getObject(request, ResponseTransformer.toBytes());
            lights.green(Lights.READ);
        } catch (S3Exception e) {
            if (e.statusCode() == 416 && key != null) {
                lights.green(Lights.READ); // an empty object: readable, just no byte 0
            } else if (key == null && "NoSuchKey".equals(code(e))) {
                lights.red(Lights.READ, "no object known to read: the listing failed");
            } else {
                lights.red(Lights.READ, S3Errors.describe(e, settings));
            }
        }
    }

    private boolean write(String key, String light) {
        try {
            PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket()).key(key);
            if (settings.kmsKey() != null) {
                request.serverSideEncryption(ServerSideEncryption.AWS_KMS)
                        .ssekmsKeyId(settings.kmsKey());
            }
            client.putObject(request.build(), RequestBody.fromBytes(BODY));
            lights.green(light);
            return true;
        } catch (S3Exception e) {
            lights.red(light, S3Errors.describe(e, settings));
            return false;
        }
    }

    private void delete(String key) {
        try {
            client.deleteObject(b -> b.bucket(bucket()).key(key));
        } catch (SdkException e) {
            lights.red(
                    Lights.DELETE,
                    "the probe object "
                            + key
                            + " could not be deleted: "
                            + S3Errors.describe(e, settings));
        }
    }

    private String bucket() {
        return settings.location().bucket();
    }

    private static String code(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static byte[] bytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }
}
