package org.lightlyjava.server.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lightlyjava.api.model.DatasourceConfig;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;
import org.lightlyjava.api.model.DatasourceRawSamplesData;
import org.lightlyjava.server.blob.DatasourceKey;
import org.lightlyjava.server.blob.SignedUrls;
import org.lightlyjava.server.datasource.Datasource;
import org.lightlyjava.server.datasource.DatasourceConfigs;
import org.lightlyjava.server.datasource.DatasourceException;
import org.lightlyjava.server.datasource.Datasources;
import org.lightlyjava.server.datasource.ListCursor;
import org.lightlyjava.server.datasource.ListPage;
import org.lightlyjava.server.datasource.RelativePaths;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.DatasourceRecord;
import org.lightlyjava.server.store.DatasourceStore;
import org.lightlyjava.server.store.MissingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dataset's datasources: configuration (the secret encrypted at rest, masked as {@code ***} when
 * shown), the lights, the listing and the processed-until time.
 */
public final class DatasourceService {

    private static final Logger LOG = LoggerFactory.getLogger(DatasourceService.class);

    /** Files per page of {@code datasource/list}. */
    static final int PAGE_SIZE = 1000;

    /** The most store calls one page of {@code datasource/list} makes. */
    private static final int MAX_CALLS_PER_PAGE = 10;

    private final DatasourceStore store;
    private final Datasources datasources;
    private final SignedUrls signedUrls;
    private final Ids ids;
    private final Clock clock;

    DatasourceService(
            DatasourceStore store,
            Datasources datasources,
            SignedUrls signedUrls,
            Ids ids,
            Clock clock) {
        this.store = store;
        this.datasources = datasources;
        this.signedUrls = signedUrls;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Stores a datasource (replacing the one of its purpose). A missing or masked secret keeps the
     * stored one, as long as the access key id stays the same.
     *
     * @param thumbSuffixNull whether the body said {@code "thumbSuffix": null} (no thumbnails)
     */
    public void put(DatasetRecord dataset, DatasourceConfig config, boolean thumbSuffixNull) {
        DatasourceConfigs.Checked c =
                DatasourceConfigs.check(
                        config, thumbSuffixNull, datasources.localRoot(), datasources.endpoints());
        Optional<DatasourceRecord> old = store.find(dataset.id(), c.purpose());
        String sealed = sealedSecret(dataset, c, old.orElse(null));
        long now = clock.millis();
        DatasourceRecord record =
                new DatasourceRecord(
                        old.map(DatasourceRecord::id).orElseGet(ids::next),
                        dataset.id(),
                        c.purpose(),
                        c.type(),
                        c.fullPath(),
                        c.thumbSuffix(),
                        c.s3Region(),
                        c.s3AccessKeyId(),
                        sealed,
                        c.s3KmsKey(),
                        c.s3EndpointUrl(),
                        old.map(DatasourceRecord::createdAt).orElse(now),
                        now,
                        c.s3RoleArn(),
                        c.s3ExternalId());
        try {
            store.put(record);
        } catch (MissingException e) {
            throw ApiProblem.notFound("DATASET_UNKNOWN", e.getMessage());
        }
        LOG.info(
                "dataset {}: {} datasource {} saved for {}",
                dataset.id(),
                c.type(),
                c.fullPath(),
                c.purpose());
    }

    private String sealedSecret(
            DatasetRecord dataset, DatasourceConfigs.Checked c, DatasourceRecord old) {
        if (DatasourceConfigs.LOCAL.equals(c.type())
                || DatasourceConfigs.S3_DELEGATED.equals(c.type())) {
            return null; // no secret: a folder, or a role the server assumes
        }
        if (c.s3Secret() != null) {
            return datasources
                    .secrets()
                    .seal(c.s3Secret(), Datasources.secretContext(dataset.id(), c.purpose()));
        }
        if (old != null
                && old.s3SecretSealed() != null
                && c.type().equals(old.type())
                && c.s3AccessKeyId().equals(old.s3AccessKeyId())) {
            return old.s3SecretSealed();
        }
        String[] fields = secretFields(c.type());
        throw invalid(
                fields[1]
                        + " is required"
                        + (old != null && old.s3SecretSealed() != null
                                ? " when " + fields[0] + " or the type changes"
                                : ""));
    }

    /** The names of the account (or key id) and the secret field of a type. */
    private static String[] secretFields(String type) {
        return switch (type) {
            case DatasourceConfigs.AZURE -> new String[] {"accountName", "accountKey"};
            case DatasourceConfigs.GCS -> new String[] {"gcsProjectId", "gcsCredentials"};
            default -> new String[] {"s3AccessKeyId", "s3SecretAccessKey"};
        };
    }

    /**
     * Removes the datasource of a purpose (null: INPUT_OUTPUT). The dataset keeps its samples, tags
     * and embeddings; images and thumbnails are then read from what the server holds itself.
     *
     * @throws ApiProblem 404 {@code DATASET_DATASOURCE_UNKNOWN} when it has none of that purpose
     */
    public void remove(DatasetRecord dataset, String purpose) {
        String p = DatasourceConfigs.purpose(purpose);
        Optional<DatasourceRecord> old = store.find(dataset.id(), p);
        if (!store.delete(dataset.id(), p)) {
            throw unknown(dataset, p);
        }
        old.ifPresent(datasources::forget);
        LOG.info("dataset {}: {} datasource removed", dataset.id(), p);
    }

    /** The datasource of a purpose (null: INPUT_OUTPUT), its secret masked. */
    public DatasourceConfig get(DatasetRecord dataset, String purpose) {
        return shown(record(dataset, DatasourceConfigs.purpose(purpose)));
    }

    /** Every datasource of the dataset, secrets masked. */
    public List<DatasourceConfig> all(DatasetRecord dataset) {
        List<DatasourceConfig> out = new ArrayList<>();
        for (DatasourceRecord r : store.list(dataset.id())) {
            out.add(shown(r));
        }
        return out;
    }

    /** The lights of the datasource of a purpose (null: INPUT_OUTPUT). */
    public DatasourceConfigVerifyData verify(DatasetRecord dataset, String purpose) {
        DatasourceRecord r = record(dataset, DatasourceConfigs.purpose(purpose));
        DatasourceConfigVerifyData lights = datasources.open(r).verify();
        LOG.info(
                "dataset {}: verified {} (list {}, read {}, write {}, overwrite {})",
                dataset.id(),
                r.fullPath(),
                lights.canList(),
                lights.canRead(),
                lights.canWrite(),
                lights.canOverwrite());
        return lights;
    }

    /**
     * One page of the files under the input datasource (or the one of {@code purpose}), each with a
     * read URL, or with a URL to the server that redirects to one.
     *
     * @param cursor from the previous page; it carries {@code from} and {@code to}
     */
    public DatasourceRawSamplesData list(
            DatasetRecord dataset,
            String purpose,
            Long from,
            Long to,
            String cursor,
            boolean redirected,
            String base) {
        DatasourceRecord r = input(dataset, purpose);
        ListCursor position =
                cursor == null
                        ? new ListCursor(
                                from == null ? 0 : from, to == null ? Long.MAX_VALUE : to, null)
                        : ListCursor.decode(cursor);
        if (position.from() > position.to()) {
            throw invalid("from must not be after to");
        }
        Datasource datasource = datasources.open(r);
        ListPage page = fullPage(datasource, position);
        List<DatasourceRawSamplesData.Item> items = new ArrayList<>(page.entries().size());
        for (ListPage.Entry e : page.entries()) {
            String url =
                    redirected
                            ? signedUrls.datasourceUrl(
                                    base,
                                    "GET",
                                    DatasourceKey.redirect(dataset.id(), r.purpose(), e.name()))
                            : datasource.readUrl(base, e.name());
            items.add(new DatasourceRawSamplesData.Item(e.name(), url));
        }
        // Lightly's client requires a cursor on every page: the last one's goes on after its last
        // file, so it finds files added later.
        ListPage.Position next = page.next();
        if (next == null && !page.entries().isEmpty()) {
            next = datasource.after(page.entries().get(page.entries().size() - 1).name());
        } else if (next == null) {
            next = position.position();
        }
        String cursorOut = new ListCursor(position.from(), position.to(), next).encode();
        return new DatasourceRawSamplesData(page.next() != null, cursorOut, items);
    }

    /**
     * Up to {@link #PAGE_SIZE} files: the store's pages lose what is filtered out ({@code
     * .lightly/}, folders, {@code from}/{@code to}), so more are asked for, a bounded number of
     * times.
     */
    private static ListPage fullPage(Datasource datasource, ListCursor cursor) {
        List<ListPage.Entry> entries = new ArrayList<>();
        ListPage.Position next = cursor.position();
        int calls = 0;
        do {
            ListPage page =
                    datasource.list(next, cursor.from(), cursor.to(), PAGE_SIZE - entries.size());
            entries.addAll(page.entries());
            next = page.next();
        } while (next != null && entries.size() < PAGE_SIZE && ++calls < MAX_CALLS_PER_PAGE);
        return new ListPage(entries, next);
    }

    /** A read URL of a file of the input datasource ({@code datasource/readurlRedirect}). */
    public String readUrl(DatasetRecord dataset, String purpose, String path, String base) {
        DatasourceRecord r = input(dataset, purpose);
        RelativePaths.check(path, "path", DatasourceConfigs.LOCAL.equals(r.type()));
        return datasources.open(r).readUrl(base, path);
    }

    public long processedUntil(DatasetRecord dataset) {
        return store.processedUntil(dataset.id());
    }

    public void setProcessedUntil(DatasetRecord dataset, long seconds) {
        if (seconds < 0) {
            throw ApiProblem.badRequest("processedUntilTimestamp must not be negative");
        }
        if (!store.setProcessedUntil(dataset.id(), seconds)) {
            throw ApiProblem.notFound("DATASET_UNKNOWN", "dataset " + dataset.id() + " is gone");
        }
    }

    /** The dataset's datasources by use, for sample URLs. */
    Targets targets(String datasetId) {
        return Targets.of(store.list(datasetId));
    }

    Datasource open(DatasourceRecord record) {
        return datasources.open(record);
    }

    private DatasourceRecord input(DatasetRecord dataset, String purpose) {
        if (purpose != null && !purpose.isEmpty()) {
            return record(dataset, DatasourceConfigs.purpose(purpose));
        }
        DatasourceRecord r = targets(dataset.id()).fullRead();
        if (r == null) {
            throw unknown(dataset, "INPUT_OUTPUT or INPUT");
        }
        return r;
    }

    private DatasourceRecord record(DatasetRecord dataset, String purpose) {
        return store.find(dataset.id(), purpose).orElseThrow(() -> unknown(dataset, purpose));
    }

    private static ApiProblem unknown(DatasetRecord dataset, String purpose) {
        return ApiProblem.notFound(
                "DATASET_DATASOURCE_UNKNOWN",
                "dataset " + dataset.id() + " has no datasource for " + purpose);
    }

    /** What GET shows: the stored configuration, the secret as {@code ***}. */
    static DatasourceConfig shown(DatasourceRecord r) {
        if (DatasourceConfigs.AZURE.equals(r.type()) || DatasourceConfigs.GCS.equals(r.type())) {
            return shownCloud(r);
        }
        boolean s3 = DatasourceConfigs.S3.equals(r.type());
        return new DatasourceConfig(
                r.id(),
                r.purpose(),
                r.type(),
                r.fullPath(),
                r.thumbSuffix(),
                r.s3Region(),
                r.s3AccessKeyId(),
                s3 ? DatasourceConfigs.MASK : null,
                r.s3KmsKey(),
                r.s3EndpointUrl(),
                null,
                null,
                null,
                null,
                null,
                r.s3RoleArn(),
                r.s3ExternalId());
    }

    /** AZURE and GCS keep their account or project where S3 keeps its access key id. */
    private static DatasourceConfig shownCloud(DatasourceRecord r) {
        boolean azure = DatasourceConfigs.AZURE.equals(r.type());
        return new DatasourceConfig(
                r.id(),
                r.purpose(),
                r.type(),
                r.fullPath(),
                r.thumbSuffix(),
                null,
                null,
                null,
                null,
                null,
                azure ? r.s3AccessKeyId() : null,
                azure ? DatasourceConfigs.MASK : null,
                azure ? null : r.s3AccessKeyId(),
                azure ? null : DatasourceConfigs.MASK,
                azure ? r.s3EndpointUrl() : null,
                null,
                null);
    }

    private static ApiProblem invalid(String message) {
        return new ApiProblem(400, "DATASET_DATASOURCE_INVALID", message);
    }

    /** The API's answer to a datasource's failure. */
    public static ApiProblem problem(DatasourceException e) {
        return switch (e.kind()) {
            case INVALID -> invalid(e.getMessage());
            case CREDENTIALS ->
                    new ApiProblem(400, "DATASET_DATASOURCE_CREDENTIALS_ERROR", e.getMessage());
            case UNREACHABLE ->
                    new ApiProblem(502, "DATASET_DATASOURCE_UNREACHABLE", e.getMessage());
            case NOT_FOUND -> ApiProblem.notFound("NOT_FOUND", e.getMessage());
        };
    }
}
