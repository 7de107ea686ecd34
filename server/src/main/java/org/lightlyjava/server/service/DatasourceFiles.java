package org.lightlyjava.server.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.lightlyjava.server.blob.DatasourceKey;
import org.lightlyjava.server.blob.TooLargeException;
import org.lightlyjava.server.datasource.Datasource;
import org.lightlyjava.server.datasource.DatasourceConfigs;
import org.lightlyjava.server.datasource.Datasources;
import org.lightlyjava.server.datasource.LocalDatasource;
import org.lightlyjava.server.store.DatasourceRecord;
import org.lightlyjava.server.store.DatasourceStore;

/**
 * What happens behind a signed datasource URL (already checked): the file of a LOCAL datasource is
 * read or written, or a redirect URL leads to a fresh read URL. The datasource is looked up at that
 * moment: a URL of a datasource that changed since leads to its new place.
 */
public final class DatasourceFiles {

    private final DatasourceStore store;
    private final Datasources datasources;
    private final long maxBytes;

    DatasourceFiles(DatasourceStore store, Datasources datasources, long maxBytes) {
        this.store = store;
        this.datasources = datasources;
        this.maxBytes = maxBytes;
    }

    /** The file to answer a GET with. */
    public Path read(DatasourceKey key) {
        return local(key).read(key.path());
    }

    /**
     * Stores a PUT body in the LOCAL datasource's folder.
     *
     * @param declaredLength the Content-Length, or -1
     */
    public void write(DatasourceKey key, InputStream body, long declaredLength) throws IOException {
        if (declaredLength > maxBytes) {
            throw tooLarge();
        }
        try {
            local(key).write(key.path(), body, maxBytes);
        } catch (TooLargeException e) {
            throw tooLarge();
        }
    }

    /** A read URL of the file, for a 302. */
    public String redirect(DatasourceKey key, String base) {
        return datasource(key).readUrl(base, key.path());
    }

    private LocalDatasource local(DatasourceKey key) {
        if (datasource(key) instanceof LocalDatasource local) {
            return local;
        }
        throw gone();
    }

    private Datasource datasource(DatasourceKey key) {
        DatasourceRecord r = store.find(key.datasetId(), key.purpose()).orElseThrow(this::gone);
        if (key.kind() == DatasourceKey.Kind.FILE && !DatasourceConfigs.LOCAL.equals(r.type())) {
            throw gone();
        }
        return datasources.open(r);
    }

    private ApiProblem gone() {
        return ApiProblem.notFound("NOT_FOUND", "no such file: the datasource changed or is gone");
    }

    private ApiProblem tooLarge() {
        return ApiProblem.tooLarge("the body is larger than the limit of " + maxBytes + " bytes");
    }
}
