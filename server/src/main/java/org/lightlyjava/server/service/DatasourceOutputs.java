package org.lightlyjava.server.service;

import java.util.ArrayList;
import java.util.List;
import org.lightlyjava.api.model.DatasourceRawSamplesData;
import org.lightlyjava.server.blob.DatasourceKey;
import org.lightlyjava.server.blob.SignedUrls;
import org.lightlyjava.server.datasource.Datasource;
import org.lightlyjava.server.datasource.DatasourceConfigs;
import org.lightlyjava.server.datasource.ListCursor;
import org.lightlyjava.server.datasource.ListPage;
import org.lightlyjava.server.datasource.RelativePaths;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.DatasourceRecord;

/**
 * The files Lightly's tools keep beside the data in a datasource's {@code .lightly/} folder: {@code
 * metadata/}, {@code predictions/} and {@code embeddings/}. Read URLs and listings come from the
 * datasource that holds Lightly's outputs (LIGHTLY, else INPUT_OUTPUT, else INPUT for reading),
 * write URLs from LIGHTLY else INPUT_OUTPUT; they are the datasource's own (presigned S3 URLs, or
 * the server's signed URLs for a LOCAL folder).
 */
public final class DatasourceOutputs {

    /** A folder under {@code .lightly/}. */
    public enum Folder {
        METADATA(".lightly/metadata/"),
        PREDICTIONS(".lightly/predictions/"),
        EMBEDDINGS(".lightly/embeddings/");

        final String path;

        Folder(String path) {
            this.path = path;
        }
    }

    private final DatasourceService datasources;
    private final SignedUrls signedUrls;

    DatasourceOutputs(DatasourceService datasources, SignedUrls signedUrls) {
        this.datasources = datasources;
        this.signedUrls = signedUrls;
    }

    /**
     * A read URL of {@code .lightly/<folder>/<fileName>}; the file need not exist (as in Lightly).
     *
     * @throws ApiProblem 400 for a bad file name, 404 without a datasource
     */
    public String readUrl(DatasetRecord dataset, Folder folder, String fileName, String base) {
        DatasourceRecord r = reading(dataset);
        return datasources.open(r).readUrl(base, path(r, folder, fileName));
    }

    /** A write URL (one PUT) of {@code .lightly/<folder>/<fileName>}. */
    public String writeUrl(DatasetRecord dataset, Folder folder, String fileName, String base) {
        DatasourceRecord r = datasources.targets(dataset.id()).thumbWrite();
        if (r == null) {
            throw unknown(dataset, "LIGHTLY or INPUT_OUTPUT");
        }
        return datasources.open(r).writeUrl(base, path(r, folder, fileName));
    }

    /**
     * One page (up to {@value DatasourceService#PAGE_SIZE}) of the files under {@code
     * .lightly/<folder>/<sub>}, named relative to it, each with a read URL (or one to the server
     * that redirects to one). The cursor carries {@code from} and {@code to}; on the last page it
     * is empty.
     *
     * @param sub a folder under the folder ending in {@code /} (a prediction task), or empty
     */
    public DatasourceRawSamplesData list(
            DatasetRecord dataset,
            Folder folder,
            String sub,
            Long from,
            Long to,
            String cursor,
            boolean redirected,
            String base) {
        DatasourceRecord r = reading(dataset);
        String under = folder.path + sub;
        ListCursor position =
                cursor == null
                        ? new ListCursor(
                                from == null ? 0 : from, to == null ? Long.MAX_VALUE : to, null)
                        : ListCursor.decode(cursor);
        if (position.from() > position.to()) {
            throw ApiProblem.badRequest("from must not be after to");
        }
        Datasource datasource = datasources.open(r);
        List<DatasourceRawSamplesData.Item> items = new ArrayList<>();
        ListPage.Position next = position.position();
        int calls = 0;
        do {
            ListPage page =
                    datasource.listFolder(
                            under,
                            next,
                            position.from(),
                            position.to(),
                            DatasourceService.PAGE_SIZE - items.size());
            for (ListPage.Entry e : page.entries()) {
                String path = under + e.name();
                String url =
                        redirected
                                ? signedUrls.datasourceUrl(
                                        base,
                                        "GET",
                                        DatasourceKey.redirect(dataset.id(), r.purpose(), path))
                                : datasource.readUrl(base, path);
                items.add(new DatasourceRawSamplesData.Item(e.name(), url));
            }
            next = page.next();
        } while (next != null && items.size() < DatasourceService.PAGE_SIZE && ++calls < 10);
        String nextCursor =
                next == null ? "" : new ListCursor(position.from(), position.to(), next).encode();
        return new DatasourceRawSamplesData(next != null, nextCursor, items);
    }

    private DatasourceRecord reading(DatasetRecord dataset) {
        DatasourceRecord r = datasources.targets(dataset.id()).thumbRead();
        if (r == null) {
            throw unknown(dataset, "LIGHTLY, INPUT_OUTPUT or INPUT");
        }
        return r;
    }

    private static String path(DatasourceRecord r, Folder folder, String fileName) {
        if (fileName == null || fileName.isEmpty()) {
            throw ApiProblem.badRequest("fileName is missing");
        }
        RelativePaths.check(fileName, "fileName", DatasourceConfigs.LOCAL.equals(r.type()));
        return folder.path + fileName;
    }

    /** A prediction task's folder: its name as one path segment, then {@code /}. */
    public static String taskFolder(String taskName) {
        if (taskName == null || taskName.isEmpty()) {
            throw ApiProblem.badRequest("taskName is missing");
        }
        if (taskName.contains("/") || !RelativePaths.isValid(taskName, true)) {
            throw ApiProblem.badRequest(
                    "taskName must be one folder name, got '" + Ids.shorten(taskName) + "'");
        }
        return taskName + "/";
    }

    private static ApiProblem unknown(DatasetRecord dataset, String purposes) {
        return ApiProblem.notFound(
                "DATASET_DATASOURCE_UNKNOWN",
                "dataset " + dataset.id() + " has no datasource for " + purposes);
    }
}
