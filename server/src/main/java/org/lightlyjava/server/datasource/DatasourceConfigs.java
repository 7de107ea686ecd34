package org.lightlyjava.server.datasource;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.lightlyjava.api.model.DatasourceConfig;

/**
 * Checks a datasource configuration sent with {@code PUT .../datasource} and normalises it; every
 * refusal names the field.
 */
public final class DatasourceConfigs {

    public static final String INPUT_OUTPUT = "INPUT_OUTPUT";
    public static final String INPUT = "INPUT";
    public static final String LIGHTLY = "LIGHTLY";

    /** The purposes, in the order {@code datasource/all} lists them. */
    public static final List<String> PURPOSES = List.of(INPUT_OUTPUT, INPUT, LIGHTLY);

    public static final String S3 = "S3";
    public static final String LOCAL = "LOCAL";
    public static final String AZURE = "AZURE";
    public static final String GCS = "GCS";
    public static final String S3_DELEGATED = "S3DelegatedAccess";

    /** What GET shows for a stored secret; a PUT sending it keeps the stored one. */
    public static final String MASK = "***";

    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern OTHER_REGION = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern KEY_ID = Pattern.compile("[\\x21-\\x7e]{1,256}");
    private static final Pattern KMS = Pattern.compile("arn:aws:kms:[a-zA-Z0-9-]*:[0-9]{12}:key.+");
    private static final Pattern ENDPOINT = Pattern.compile("https?://[^/?#@\\s]+/?");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f]");

    private DatasourceConfigs() {}

    /**
     * A configuration as it will be stored, the secret still in plain text.
     *
     * @param s3Secret the new secret, or null to keep the stored one
     */
    public record Checked(
            String purpose,
            String type,
            String fullPath,
            String thumbSuffix,
            String s3Region,
            String s3AccessKeyId,
            String s3Secret,
            String s3KmsKey,
            String s3EndpointUrl,
            String s3RoleArn,
            String s3ExternalId) {

        @Override
        public String toString() {
            return "Checked[" + purpose + ", " + type + ", " + fullPath + "]";
        }
    }

    /**
     * A {@code purpose} parameter: null means {@code INPUT_OUTPUT}.
     *
     * @throws DatasourceException INVALID for another value
     */
    public static String purpose(String purpose) {
        if (purpose == null || purpose.isEmpty()) {
            return INPUT_OUTPUT;
        }
        if (!PURPOSES.contains(purpose)) {
            throw DatasourceException.invalid(
                    "purpose must be one of " + PURPOSES + ", got '" + shorten(purpose) + "'");
        }
        return purpose;
    }

    /**
     * Checks and normalises a configuration.
     *
     * @param thumbSuffixNull whether the body had {@code "thumbSuffix": null} (Lightly's client
     *     sends that for "no thumbnails"); an absent {@code thumbSuffix} means Lightly's default
     * @param endpoints the S3 endpoints allowed
     * @throws DatasourceException INVALID naming the field
     */
    public static Checked check(
            DatasourceConfig c,
            boolean thumbSuffixNull,
            LocalRoot local,
            EndpointPolicy endpoints) {
        String purpose = purpose(c.purpose());
        String type = c.type();
        if (S3.equals(type)) {
            Checked checked = checkS3(c, purpose, thumbSuffix(c.thumbSuffix(), thumbSuffixNull));
            if (checked.s3EndpointUrl() != null) {
                endpoints.check(checked.s3EndpointUrl());
            }
            return checked;
        }
        if (LOCAL.equals(type)) {
            String folder = local.checkFolder(c.fullPath());
            String suffix = thumbSuffix(c.thumbSuffix(), thumbSuffixNull);
            return new Checked(
                    purpose, LOCAL, folder, suffix, null, null, null, null, null, null, null);
        }
        if (S3_DELEGATED.equals(type)) {
            Checked checked =
                    DelegatedAccessConfigs.check(
                            c, purpose, thumbSuffix(c.thumbSuffix(), thumbSuffixNull));
            if (checked.s3EndpointUrl() != null) {
                endpoints.check(checked.s3EndpointUrl());
            }
            return checked;
        }
        if (AZURE.equals(type)) {
            String suffix = thumbSuffix(c.thumbSuffix(), thumbSuffixNull);
            return CloudConfigs.azure(c, purpose, suffix, endpoints, Clock.systemUTC());
        }
        if (GCS.equals(type)) {
            return CloudConfigs.gcs(c, purpose, thumbSuffix(c.thumbSuffix(), thumbSuffixNull));
        }
        throw DatasourceException.invalid(
                "type must be S3, S3DelegatedAccess, LOCAL, AZURE or GCS (this server has no OBS),"
                        + " got '"
                        + shorten(type)
                        + "'");
    }

    private static Checked checkS3(DatasourceConfig c, String purpose, String thumbSuffix) {
        String endpoint = endpoint(c.s3EndpointUrl());
        String region = region(c.s3Region(), endpoint);
        String keyId = c.s3AccessKeyId();
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw DatasourceException.invalid(
                    "s3AccessKeyId must be 1 to 256 printable characters without spaces"
                            + (keyId == null ? " (it is missing)" : ""));
        }
        String secret = c.s3SecretAccessKey();
        if (secret == null || secret.isEmpty() || secret.equals(MASK)) {
            secret = null;
        } else if (secret.length() > 1024 || CONTROL.matcher(secret).find()) {
            throw DatasourceException.invalid(
                    "s3SecretAccessKey must be at most 1024 characters without control"
                            + " characters");
        }
        String kms = kmsKey(c.s3ServerSideEncryptionKMSKey());
        String fullPath = S3Location.parse(c.fullPath()).fullPath();
        return new Checked(
                purpose,
                S3,
                fullPath,
                thumbSuffix,
                region,
                keyId,
                secret,
                kms,
                endpoint,
                null,
                null);
    }

    /** An {@code s3Region}: an AWS region, or any short name for an S3-compatible endpoint. */
    static String region(String region, String endpoint) {
        Pattern regions = endpoint == null ? AWS_REGION : OTHER_REGION;
        if (region == null || !regions.matcher(region).matches()) {
            throw DatasourceException.invalid(
                    "s3Region must be an AWS region such as us-east-1"
                            + (region == null
                                    ? " (it is missing)"
                                    : ", got '" + shorten(region) + "'"));
        }
        return region;
    }

    /** An optional {@code s3ServerSideEncryptionKMSKey}, null when absent. */
    static String kmsKey(String kms) {
        if (kms != null && !kms.isEmpty() && !KMS.matcher(kms).matches()) {
            throw DatasourceException.invalid(
                    "s3ServerSideEncryptionKMSKey must match ^arn:aws:kms:[a-zA-Z0-9-]*:[0-9]{12}:key.+$");
        }
        return kms == null || kms.isEmpty() ? null : kms;
    }

    static String endpoint(String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        if (!ENDPOINT.matcher(url).matches()) {
            throw DatasourceException.invalid(
                    "s3EndpointUrl must be http(s)://host[:port] without a path, got '"
                            + shorten(url)
                            + "'");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String thumbSuffix(String suffix, boolean explicitNull) {
        if (suffix == null) {
            return explicitNull ? "" : DatasourceConfig.DEFAULT_THUMB_SUFFIX;
        }
        if (suffix.isEmpty()) {
            return "";
        }
        if (!suffix.contains(ThumbSuffix.FILENAME) || suffix.contains("://")) {
            throw DatasourceException.invalid(
                    "thumbSuffix must contain [filename] (and may contain [extension]), for"
                            + " example "
                            + DatasourceConfig.DEFAULT_THUMB_SUFFIX
                            + "; empty for no thumbnails");
        }
        String example = "cats/a.jpg";
        String thumb = ThumbSuffix.apply(suffix, example);
        if (!RelativePaths.isValid(thumb, true) || thumb.equals(example)) {
            throw DatasourceException.invalid(
                    "thumbSuffix must give a relative path other than the image's own (for"
                            + " cats/a.jpg it gives '"
                            + shorten(thumb)
                            + "')");
        }
        return suffix;
    }

    static String shorten(String text) {
        return RelativePaths.shorten(text);
    }
}
