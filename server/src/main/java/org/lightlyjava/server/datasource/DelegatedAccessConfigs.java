package org.lightlyjava.server.datasource;

import java.util.regex.Pattern;
import org.lightlyjava.api.model.DatasourceConfig;

/**
 * Checks an {@code S3DelegatedAccess} configuration (Lightly's {@code
 * set_s3_delegated_access_config}): the bucket, the region, the role to assume ({@code s3ARN}) and
 * the external ID its trust policy requires ({@code s3ExternalId}), with Lightly's and AWS's rules.
 * Static keys are refused here: the server signs with the assumed role's session only.
 */
final class DelegatedAccessConfigs {

    /** Lightly's pattern for {@code s3ARN} (an IAM role of a 12-digit account). */
    private static final Pattern ROLE_ARN =
            Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/.+");

    /** Lightly's and STS's characters for an external ID. */
    private static final Pattern EXTERNAL_ID = Pattern.compile("[a-zA-Z0-9_+=,.@:/-]+");

    /** STS: 2 to 1224 characters; Lightly asks for at least 10. */
    private static final int EXTERNAL_ID_MIN = 10;

    private static final int EXTERNAL_ID_MAX = 1224;

    /** STS's limit for RoleArn. */
    private static final int ROLE_ARN_MAX = 2048;

    private DelegatedAccessConfigs() {}

    static DatasourceConfigs.Checked check(DatasourceConfig c, String purpose, String thumbSuffix) {
        String endpoint = DatasourceConfigs.endpoint(c.s3EndpointUrl());
        String region = DatasourceConfigs.region(c.s3Region(), endpoint);
        String arn = c.s3ARN();
        if (arn == null || arn.length() > ROLE_ARN_MAX || !ROLE_ARN.matcher(arn).matches()) {
            throw DatasourceException.invalid(
                    "s3ARN must be the ARN of an IAM role, like"
                            + " arn:aws:iam::123456789012:role/lightly-access"
                            + (arn == null
                                    ? " (it is missing)"
                                    : ", got '" + DatasourceConfigs.shorten(arn) + "'"));
        }
        String externalId = c.s3ExternalId();
        if (externalId == null
                || externalId.length() < EXTERNAL_ID_MIN
                || externalId.length() > EXTERNAL_ID_MAX
                || !EXTERNAL_ID.matcher(externalId).matches()) {
            throw DatasourceException.invalid(
                    "s3ExternalId must be "
                            + EXTERNAL_ID_MIN
                            + " to "
                            + EXTERNAL_ID_MAX
                            + " characters of a-z A-Z 0-9 _+=,.@:/-"
                            + (externalId == null
                                    ? " (it is missing)"
                                    : " (it has " + externalId.length() + ")"));
        }
        if (present(c.s3AccessKeyId()) || present(c.s3SecretAccessKey())) {
            throw DatasourceException.invalid(
                    "s3AccessKeyId and s3SecretAccessKey are not used with S3DelegatedAccess (the"
                            + " server assumes s3ARN with its own credentials); use type S3 for"
                            + " static keys");
        }
        String kms = DatasourceConfigs.kmsKey(c.s3ServerSideEncryptionKMSKey());
        String fullPath = S3Location.parse(c.fullPath()).fullPath();
        return new DatasourceConfigs.Checked(
                purpose,
                DatasourceConfigs.S3_DELEGATED,
                fullPath,
                thumbSuffix,
                region,
                null,
                null,
                kms,
                endpoint,
                arn,
                externalId);
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty() && !value.equals(DatasourceConfigs.MASK);
    }
}
