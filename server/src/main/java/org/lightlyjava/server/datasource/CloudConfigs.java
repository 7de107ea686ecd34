package org.lightlyjava.server.datasource;

import java.time.Clock;
import java.util.regex.Pattern;
import org.lightlyjava.api.model.DatasourceConfig;

/**
 * Checks AZURE and GCS configurations ({@code set_azure_config}, {@code set_gcs_config} of
 * Lightly's client). They are stored in the same columns as S3's: the account name or project id
 * where S3 keeps its access key id, the account key, SAS token or service-account JSON sealed where
 * S3 keeps its secret, Azure's endpoint where S3 keeps its own.
 */
final class CloudConfigs {

    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
    private static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._-]{0,127}");
    private static final Pattern AZURE_ENDPOINT =
            Pattern.compile("https?://[^/?#@\\s]+(/[^?#\\s]*)?");
    private static final int MAX_SECRET = 16 * 1024;

    private CloudConfigs() {}

    static DatasourceConfigs.Checked azure(
            DatasourceConfig c,
            String purpose,
            String thumbSuffix,
            EndpointPolicy endpoints,
            Clock clock) {
        String account = c.accountName();
        if (account == null || !ACCOUNT.matcher(account).matches()) {
            throw DatasourceException.invalid(
                    "accountName must be a storage account name (3 to 24 of a-z and 0-9)"
                            + (account == null ? " (it is missing)" : ""));
        }
        String fullPath = AzureLocation.parse(c.fullPath()).fullPath();
        String endpoint = azureEndpoint(c.azureEndpointUrl(), endpoints);
        String secret = secret(c.accountKey(), "accountKey");
        if (secret != null) {
            if (AzureSas.isSas(secret)) {
                AzureSas.parse(secret, clock.instant());
            } else {
                AzureSas.checkAccountKey(secret);
            }
        }
        return new DatasourceConfigs.Checked(
                purpose,
                DatasourceConfigs.AZURE,
                fullPath,
                thumbSuffix,
                null,
                account,
                secret,
                null,
                endpoint,
                null,
                null);
    }

    static DatasourceConfigs.Checked gcs(DatasourceConfig c, String purpose, String thumbSuffix) {
        String project = c.gcsProjectId();
        if (project == null || !PROJECT.matcher(project).matches()) {
            throw DatasourceException.invalid(
                    "gcsProjectId must be a Google Cloud project id"
                            + (project == null ? " (it is missing)" : ""));
        }
        String fullPath = GcsLocation.parse(c.fullPath()).fullPath();
        String secret = secret(c.gcsCredentials(), "gcsCredentials");
        if (secret != null) {
            GcsCredentials.check(secret);
        }
        return new DatasourceConfigs.Checked(
                purpose,
                DatasourceConfigs.GCS,
                fullPath,
                thumbSuffix,
                null,
                project,
                secret,
                null,
                null,
                null,
                null);
    }

    /** The secret, or null to keep the stored one (absent, empty or masked). */
    private static String secret(String value, String field) {
        if (value == null || value.isEmpty() || value.equals(DatasourceConfigs.MASK)) {
            return null;
        }
        if (value.length() > MAX_SECRET) {
            throw DatasourceException.invalid(
                    field + " is longer than " + MAX_SECRET + " characters");
        }
        return value.strip();
    }

    private static String azureEndpoint(String url, EndpointPolicy endpoints) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        if (!AZURE_ENDPOINT.matcher(url).matches()) {
            throw DatasourceException.invalid(
                    "azureEndpointUrl must be http(s)://host[:port][/path], got '"
                            + RelativePaths.shorten(url)
                            + "'");
        }
        try {
            endpoints.check(url);
        } catch (DatasourceException e) {
            throw DatasourceException.invalid(
                    e.getMessage().replaceFirst("^s3EndpointUrl", "azureEndpointUrl"));
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
