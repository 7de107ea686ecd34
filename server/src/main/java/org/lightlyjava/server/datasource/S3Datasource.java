package org.lightlyjava.server.datasource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A bucket prefix, through one S3 client and presigner (built by {@link S3Clients}). URLs are
 * presigned (SigV4, query string): GETs for {@code readTtl}, PUTs for {@code writeTtl}, each at
 * most 7 days; a PUT is signed without a Content-Type, so a client may send none.
 */
final class S3Datasource implements Datasource, AutoCloseable {

    /** The most list calls {@link #existing} makes for one batch before it gives up. */
    private static final int EXISTING_MAX_PAGES = 5;

    private final S3Settings settings;
    private final S3Client client;
    private final S3Presigner presigner;
    private final Duration readTtl;
    private final Duration writeTtl;
    private final AutoCloseable session;

    S3Datasource(S3Settings settings, S3Clients clients, Duration readTtl, Duration writeTtl) {
        this(settings, clients, readTtl, writeTtl, null);
    }

    /**
     * @param session closed with this datasource (an assumed role's session), or null
     */
    S3Datasource(
            S3Settings settings,
            S3Clients clients,
            Duration readTtl,
            Duration writeTtl,
            AutoCloseable session) {
        this.session = session;
        this.settings = settings;
        this.client = clients.client(settings);
        this.presigner = clients.presigner(settings);
        this.readTtl = S3Clients.capped(readTtl);
        this.writeTtl = S3Clients.capped(writeTtl);
    }

    @Override
    public DatasourceConfigVerifyData verify() {
        String refused = sessionProblem();
        if (refused != null) {
            Lights lights = new Lights();
            lights.redRest(refused);
            return lights.result();
        }
        return new S3Probe(client, settings).run();
    }

    /** Why the assumed role's session cannot be had, or null (also for static keys). */
    private String sessionProblem() {
        if (settings.session() == null) {
            return null;
        }
        try {
            settings.session().resolveCredentials();
            return null;
        } catch (RuntimeException e) {
            return S3Errors.roleFailure(e, settings.roleArn());
        }
    }

    @Override
    public ListPage list(ListPage.Position position, long from, long to, int pageSize) {
        ListObjectsV2Request.Builder request =
                ListObjectsV2Request.builder().bucket(bucket()).prefix(prefix()).maxKeys(pageSize);
        if (position != null && position.token() != null) {
            request.continuationToken(position.token());
        } else if (position != null) {
            request.startAfter(position.startAfter());
        }
        ListObjectsV2Response listed = call(() -> client.listObjectsV2(request.build()));
        String lightly = prefix() + ".lightly/";
        List<ListPage.Entry> entries = new ArrayList<>();
        for (S3Object o : listed.contents()) {
            String key = o.key();
            long modified = o.lastModified() == null ? 0 : o.lastModified().getEpochSecond();
            if (key.startsWith(lightly) || key.endsWith("/") || modified < from || modified > to) {
                continue;
            }
            entries.add(new ListPage.Entry(key.substring(prefix().length()), modified));
        }
        return new ListPage(entries, next(listed, lightly));
    }

    @Override
    public ListPage listFolder(
            String folder, ListPage.Position position, long from, long to, int pageSize) {
        String under = prefix() + folder;
        ListObjectsV2Request.Builder request =
                ListObjectsV2Request.builder().bucket(bucket()).prefix(under).maxKeys(pageSize);
        if (position != null && position.token() != null) {
            request.continuationToken(position.token());
        }
        ListObjectsV2Response listed = call(() -> client.listObjectsV2(request.build()));
        List<ListPage.Entry> entries = new ArrayList<>();
        for (S3Object o : listed.contents()) {
            long modified = o.lastModified() == null ? 0 : o.lastModified().getEpochSecond();
            if (!o.key().endsWith("/") && modified >= from && modified <= to) {
                entries.add(new ListPage.Entry(o.key().substring(under.length()), modified));
            }
        }
        ListPage.Position next =
                Boolean.TRUE.equals(listed.isTruncated())
                        ? new ListPage.Position(listed.nextContinuationToken(), null)
                        : null;
        return new ListPage(entries, next);
    }

    /** Past {@code .lightly/} (thousands of thumbnails) in one jump rather than page by page. */
    private static ListPage.Position next(ListObjectsV2Response listed, String lightly) {
        if (!Boolean.TRUE.equals(listed.isTruncated())) {
            return null;
        }
        List<S3Object> contents = listed.contents();
        String last = contents.isEmpty() ? "" : contents.get(contents.size() - 1).key();
        if (last.startsWith(lightly)) {
            return new ListPage.Position(null, lightly + "\uffff");
        }
        return new ListPage.Position(listed.nextContinuationToken(), null);
    }

    @Override
    public ListPage.Position after(String name) {
        return new ListPage.Position(null, prefix() + name);
    }

    @Override
    public String readUrl(String base, String path) {
        return readUrl(base, path, readTtl);
    }

    @Override
    public String readUrl(String base, String path, Duration ttl) {
        String key = settings.location().key(path);
        return call(
                () ->
                        presigner
                                .presignGetObject(
                                        p ->
                                                p.signatureDuration(ttl)
                                                        .getObjectRequest(
                                                                g -> g.bucket(bucket()).key(key)))
                                .url()
                                .toString());
    }

    @Override
    public String writeUrl(String base, String path) {
        String key = settings.location().key(path);
        return call(
                () ->
                        presigner
                                .presignPutObject(
                                        p ->
                                                p.signatureDuration(writeTtl)
                                                        .putObjectRequest(
                                                                o -> o.bucket(bucket()).key(key)))
                                .url()
                                .toString());
    }

    /**
     * Lists the key range from the smallest to the largest path asked for, under their common
     * prefix: one call for a batch whose names sort together (as uploads do). Past a few pages, or
     * when listing fails, the rest count as absent: the worst case is a needless upload.
     */
    @Override
    public Set<String> existing(Collection<String> paths) {
        if (paths.isEmpty()) {
            return Set.of();
        }
        KeyRange range = KeyRange.of(paths.stream().map(settings.location()::key).toList());
        Set<String> found = new HashSet<>();
        try {
            String token = null;
            for (int page = 0; page < EXISTING_MAX_PAGES; page++) {
                ListObjectsV2Response listed = client.listObjectsV2(range.request(bucket(), token));
                for (S3Object o : listed.contents()) {
                    if (range.contains(o.key())) {
                        found.add(o.key().substring(prefix().length()));
                    }
                }
                if (!Boolean.TRUE.equals(listed.isTruncated()) || range.passed(listed.contents())) {
                    break;
                }
                token = listed.nextContinuationToken();
            }
        } catch (SdkException e) {
            S3Clients.LOG.debug(
                    "cannot list {} to find existing objects: {}",
                    settings.location().fullPath(),
                    S3Errors.describe(e, settings));
        }
        return found;
    }

    /** A one-byte GET of the object, as the browser's GET of a read URL would do. */
    @Override
    public String unreadable(String path) {
        String noSession = sessionProblem();
        if (noSession != null) {
            return "S3: " + noSession;
        }
        String key = settings.location().key(path);
        try {
            client.getObject(
                    GetObjectRequest.builder().bucket(bucket()).key(key).range("bytes=0-0").build(),
                    ResponseTransformer.toBytes());
            return null;
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                return null; // an empty object
            }
            return "S3: " + S3Errors.describe(e, settings) + " (key " + key + ")";
        } catch (SdkException e) {
            return "S3 unreachable: " + S3Errors.describe(e, settings);
        }
    }

    private <T> T call(Supplier<T> call) {
        String noSession = sessionProblem();
        if (noSession != null) {
            throw new DatasourceException(
                    DatasourceException.Kind.CREDENTIALS,
                    settings.location().fullPath() + ": " + noSession);
        }
        try {
            return call.get();
        } catch (SdkException e) {
            String reason = settings.location().fullPath() + ": " + S3Errors.describe(e, settings);
            boolean refused = e instanceof S3Exception s3 && s3.statusCode() < 500;
            throw new DatasourceException(
                    refused
                            ? DatasourceException.Kind.CREDENTIALS
                            : DatasourceException.Kind.UNREACHABLE,
                    reason);
        }
    }

    private String bucket() {
        return settings.location().bucket();
    }

    private String prefix() {
        return settings.location().prefix();
    }

    @Override
    public void close() throws Exception {
        presigner.close();
        client.close();
        if (session != null) {
            session.close();
        }
    }
}
