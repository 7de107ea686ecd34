package org.lightlyjava.server.datasource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.rest.PagedResponse;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;
import org.slf4j.LoggerFactory;

/**
 * An Azure Blob Storage container prefix, through the Azure SDK (over the JDK's HTTP client, one
 * try per call so a dead endpoint costs one timeout). With the account key, URLs carry a service
 * SAS for one blob: read for {@code readTtl}, create and write for {@code writeTtl}. With a SAS
 * token (what Lightly's client sends) the server cannot sign narrower ones: URLs carry that token,
 * as Lightly's do. This class, and so the Azure SDK, is loaded only when such a datasource is used.
 */
final class AzureDatasource implements Datasource {

    private static final String JDK_CLIENT_LOGGER =
            "com.azure.core.http.jdk.httpclient.JdkHttpClient";

    /** The most list calls {@link #existing} makes for one batch before it gives up. */
    private static final int EXISTING_MAX_PAGES = 5;

    private final AzureLocation location;
    private final BlobContainerClient container;
    private final AzureSas sas;
    private final Clock clock;
    private final Duration readTtl;
    private final Duration writeTtl;

    private AzureDatasource(
            AzureLocation location,
            BlobContainerClient container,
            AzureSas sas,
            Clock clock,
            Duration readTtl,
            Duration writeTtl) {
        this.location = location;
        this.container = container;
        this.sas = sas;
        this.clock = clock;
        this.readTtl = readTtl;
        this.writeTtl = writeTtl;
    }

    /**
     * @param endpoint the blob service's URL, or null for Azure's of the account
     * @param secret the account key or a SAS token
     */
    static Datasource open(
            String fullPath,
            String account,
            String secret,
            String endpoint,
            Duration timeout,
            Duration readTtl,
            Duration writeTtl) {
        quietRestrictedHeaderWarning();
        AzureLocation location = AzureLocation.parse(fullPath);
        String service =
                endpoint != null ? endpoint : "https://" + account + ".blob.core.windows.net";
        BlobContainerClientBuilder builder =
                new BlobContainerClientBuilder()
                        .endpoint(service + "/" + location.container())
                        .httpClient(
                                new JdkHttpClientBuilder()
                                        .connectionTimeout(timeout)
                                        .responseTimeout(timeout)
                                        .readTimeout(timeout)
                                        .build())
                        .retryOptions(
                                new RequestRetryOptions(
                                        RetryPolicyType.FIXED,
                                        1,
                                        (int) Math.max(1, timeout.toSeconds() * 4),
                                        null,
                                        null,
                                        null));
        Clock clock = Clock.systemUTC();
        AzureSas sas = null;
        if (AzureSas.isSas(secret)) {
            sas = AzureSas.parse(secret, clock.instant().minusSeconds(1));
            builder.sasToken(sas.token());
        } else {
            builder.credential(new StorageSharedKeyCredential(account, secret));
        }
        return new AzureDatasource(
                location,
                builder.buildClient(),
                sas,
                clock,
                S3Clients.capped(readTtl),
                S3Clients.capped(writeTtl));
    }

    /**
     * The SDK's JDK client logs a WARN on every request that it leaves Content-Length to the JDK
     * (which sets it anyway from the body); only errors of that logger are worth a line.
     */
    private static void quietRestrictedHeaderWarning() {
        if (LoggerFactory.getLogger(JDK_CLIENT_LOGGER) instanceof Logger logger
                && logger.getLevel() == null) {
            logger.setLevel(Level.ERROR);
        }
    }

    @Override
    public DatasourceConfigVerifyData verify() {
        return new AzureProbe(container, location, sas).run();
    }

    @Override
    public ListPage list(ListPage.Position position, long from, long to, int pageSize) {
        String token = position == null ? null : position.token();
        PagedResponse<BlobItem> page = call(() -> page(location.prefix(), token, pageSize));
        String lightly = location.blob(".lightly/");
        List<ListPage.Entry> entries = new ArrayList<>();
        for (BlobItem item : page.getValue()) {
            String name = item.getName();
            long modified = modified(item);
            if (name.startsWith(lightly)
                    || name.endsWith("/")
                    || modified < from
                    || modified > to) {
                continue;
            }
            entries.add(new ListPage.Entry(name.substring(location.prefix().length()), modified));
        }
        String next = page.getContinuationToken();
        return new ListPage(
                entries, next == null || next.isEmpty() ? null : new ListPage.Position(next, null));
    }

    private PagedResponse<BlobItem> page(String prefix, String token, int pageSize) {
        ListBlobsOptions options =
                new ListBlobsOptions().setPrefix(prefix).setMaxResultsPerPage(pageSize);
        return container
                .listBlobs(options, token, null)
                .iterableByPage(token, pageSize)
                .iterator()
                .next();
    }

    private static long modified(BlobItem item) {
        return item.getProperties() == null || item.getProperties().getLastModified() == null
                ? 0
                : item.getProperties().getLastModified().toEpochSecond();
    }

    @Override
    public String readUrl(String base, String path) {
        return url(path, new BlobSasPermission().setReadPermission(true), readTtl);
    }

    @Override
    public String writeUrl(String base, String path) {
        return url(
                path,
                new BlobSasPermission().setCreatePermission(true).setWritePermission(true),
                writeTtl);
    }

    private String url(String path, BlobSasPermission permission, Duration ttl) {
        BlobClient blob = container.getBlobClient(location.blob(path));
        if (sas != null) {
            return blob.getBlobUrl() + "?" + sas.token();
        }
        OffsetDateTime expiry =
                OffsetDateTime.now(clock).plus(ttl).withOffsetSameInstant(ZoneOffset.UTC);
        return blob.getBlobUrl()
                + "?"
                + blob.generateSas(new BlobServiceSasSignatureValues(expiry, permission));
    }

    /** Lists under the common prefix of the paths asked for (see {@link Prefixes#existing}). */
    @Override
    public Set<String> existing(Collection<String> paths) {
        Set<String> wanted = new HashSet<>();
        paths.forEach(p -> wanted.add(location.blob(p)));
        return Prefixes.existing(
                wanted,
                location.prefix(),
                EXISTING_MAX_PAGES,
                (prefix, token) -> {
                    PagedResponse<BlobItem> page = page(prefix, token, 5000);
                    return new Prefixes.Listed(
                            page.getValue().stream().map(BlobItem::getName).toList(),
                            page.getContinuationToken());
                },
                e ->
                        S3Clients.LOG.debug(
                                "cannot list {} to find existing blobs: {}",
                                location.fullPath(),
                                AzureErrors.describe(e, sas)));
    }

    /** Asks for the blob's properties with the stored account key or SAS token. */
    @Override
    public String unreadable(String path) {
        String blob = location.blob(path);
        try {
            container.getBlobClient(blob).getProperties();
            return null;
        } catch (RuntimeException e) {
            String reason = AzureErrors.describe(e, sas);
            return e instanceof BlobStorageException
                    ? "Azure: " + reason + " (blob " + blob + ")"
                    : "Azure unreachable: " + reason;
        }
    }

    private <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            String reason = location.fullPath() + ": " + AzureErrors.describe(e, sas);
            throw new DatasourceException(
                    AzureErrors.refused(e)
                            ? DatasourceException.Kind.CREDENTIALS
                            : DatasourceException.Kind.UNREACHABLE,
                    reason);
        }
    }
}
