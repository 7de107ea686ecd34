package org.lightlyjava.server.datasource;

import com.google.api.core.ApiClock;
import com.google.api.gax.paging.Page;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.HttpMethod;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;

/**
 * A Google Cloud Storage bucket prefix, through the Google Cloud Java library over its JSON API
 * (HTTP; no retries, so a dead endpoint costs one timeout). URLs are V4 signed with the service
 * account's key, path style: GETs for {@code readTtl}, PUTs for {@code writeTtl}, each at most 7
 * days. This class, and so the library, is loaded only when such a datasource is used.
 */
final class GcsDatasource implements Datasource {

    private static final int EXISTING_MAX_PAGES = 5;

    private final GcsLocation location;
    private final Storage storage;
    private final Duration readTtl;
    private final Duration writeTtl;

    private GcsDatasource(
            GcsLocation location, Storage storage, Duration readTtl, Duration writeTtl) {
        this.location = location;
        this.storage = storage;
        this.readTtl = readTtl;
        this.writeTtl = writeTtl;
    }

    static Datasource open(
            String fullPath,
            String projectId,
            String credentialsJson,
            Duration timeout,
            Duration readTtl,
            Duration writeTtl) {
        Storage storage = storage(projectId, credentialsJson, timeout, null, null);
        return new GcsDatasource(
                GcsLocation.parse(fullPath),
                storage,
                S3Clients.capped(readTtl),
                S3Clients.capped(writeTtl));
    }

    /** A datasource over a given client (tests: the library's in-memory {@code Storage}). */
    static GcsDatasource over(String fullPath, Storage storage, Duration ttl) {
        return new GcsDatasource(GcsLocation.parse(fullPath), storage, ttl, ttl);
    }

    /**
     * A client for the service account.
     *
     * @param host another endpoint than Google's, or null
     * @param clock another clock than the system's (signing tests), or null
     * @throws DatasourceException CREDENTIALS when the key file cannot be read
     */
    static Storage storage(
            String projectId,
            String credentialsJson,
            Duration timeout,
            String host,
            ApiClock clock) {
        ServiceAccountCredentials credentials;
        try {
            credentials =
                    ServiceAccountCredentials.fromStream(
                            new ByteArrayInputStream(
                                    credentialsJson.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            throw new DatasourceException(
                    DatasourceException.Kind.CREDENTIALS,
                    "gcsCredentials cannot be read as a service account's key file");
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        var builder =
                StorageOptions.http()
                        .setProjectId(projectId)
                        .setCredentials(credentials)
                        .setRetrySettings(ServiceOptions.getNoRetrySettings())
                        .setTransportOptions(
                                HttpTransportOptions.newBuilder()
                                        .setConnectTimeout(millis)
                                        .setReadTimeout(millis)
                                        .build());
        if (host != null) {
            builder.setHost(host);
        }
        if (clock != null) {
            builder.setClock(clock);
        }
        return builder.build().getService();
    }

    /** A V4 signed, path-style URL of one object for one method. */
    static String signedUrl(
            Storage storage, String bucket, String object, HttpMethod method, Duration ttl) {
        return storage.signUrl(
                        BlobInfo.newBuilder(bucket, object).build(),
                        ttl.toSeconds(),
                        TimeUnit.SECONDS,
                        Storage.SignUrlOption.withV4Signature(),
                        Storage.SignUrlOption.httpMethod(method),
                        Storage.SignUrlOption.withPathStyle())
                .toString();
    }

    @Override
    public DatasourceConfigVerifyData verify() {
        return new GcsProbe(storage, location).run();
    }

    @Override
    public ListPage list(ListPage.Position position, long from, long to, int pageSize) {
        String token = position == null ? null : position.token();
        Page<Blob> page = call(() -> page(location.prefix(), token, pageSize));
        String lightly = location.object(".lightly/");
        List<ListPage.Entry> entries = new ArrayList<>();
        for (Blob blob : page.getValues()) {
            String name = blob.getName();
            long modified = blob.getUpdateTime() == null ? 0 : blob.getUpdateTime() / 1000;
            if (name.startsWith(lightly)
                    || name.endsWith("/")
                    || modified < from
                    || modified > to) {
                continue;
            }
            entries.add(new ListPage.Entry(name.substring(location.prefix().length()), modified));
        }
        String next = page.getNextPageToken();
        return new ListPage(
                entries, next == null || next.isEmpty() ? null : new ListPage.Position(next, null));
    }

    private Page<Blob> page(String prefix, String token, int pageSize) {
        List<Storage.BlobListOption> options = new ArrayList<>();
        options.add(Storage.BlobListOption.prefix(prefix));
        options.add(Storage.BlobListOption.pageSize(pageSize));
        if (token != null) {
            options.add(Storage.BlobListOption.pageToken(token));
        }
        return storage.list(location.bucket(), options.toArray(Storage.BlobListOption[]::new));
    }

    @Override
    public String readUrl(String base, String path) {
        return signedUrl(
                storage, location.bucket(), location.object(path), HttpMethod.GET, readTtl);
    }

    @Override
    public String writeUrl(String base, String path) {
        return signedUrl(
                storage, location.bucket(), location.object(path), HttpMethod.PUT, writeTtl);
    }

    /** Lists under the common prefix of the paths asked for (see {@link Prefixes#existing}). */
    @Override
    public Set<String> existing(Collection<String> paths) {
        Set<String> wanted = new HashSet<>();
        paths.forEach(p -> wanted.add(location.object(p)));
        return Prefixes.existing(
                wanted,
                location.prefix(),
                EXISTING_MAX_PAGES,
                (prefix, token) -> {
                    Page<Blob> page = page(prefix, token, 1000);
                    List<String> names = new ArrayList<>();
                    page.getValues().forEach(blob -> names.add(blob.getName()));
                    return new Prefixes.Listed(names, page.getNextPageToken());
                },
                e ->
                        S3Clients.LOG.debug(
                                "cannot list {} to find existing objects: {}",
                                location.fullPath(),
                                GcsProbe.describe(e)));
    }

    /** Asks for the object's metadata with the stored service account. */
    @Override
    public String unreadable(String path) {
        String object = location.object(path);
        String where = " (object gs://" + location.bucket() + "/" + object + ")";
        try {
            return storage.get(location.bucket(), object) == null
                    ? "GCS: no such object" + where
                    : null;
        } catch (StorageException e) {
            return e.getCode() > 0
                    ? "GCS: " + GcsProbe.describe(e) + where
                    : "GCS unreachable: " + GcsProbe.describe(e);
        } catch (RuntimeException e) {
            return "GCS unreachable: " + GcsProbe.describe(e);
        }
    }

    private <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            boolean refused =
                    e instanceof StorageException s && s.getCode() >= 400 && s.getCode() < 500;
            throw new DatasourceException(
                    refused
                            ? DatasourceException.Kind.CREDENTIALS
                            : DatasourceException.Kind.UNREACHABLE,
                    location.fullPath() + ": " + GcsProbe.describe(e));
        }
    }
}
