package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.lightlyjava.server.blob.BlobKey;
import org.lightlyjava.server.blob.DatasourceKey;
import org.lightlyjava.server.blob.MediaTypes;
import org.lightlyjava.server.blob.SignedUrls;
import org.lightlyjava.server.service.ApiProblem;

/**
 * {@code PUT} and {@code GET /v1/blobs/<key>?expires=&signature=}: no token, but a signature over
 * method, key and expiry. A PUT answers 200 with no body (Lightly's v1.1 clients accept only 200)
 * and needs no Content-Type; it counts only once the whole body arrived. The key names a blob of
 * the server's folder ({@link BlobKey}) or a datasource's file ({@link DatasourceKey}: a LOCAL
 * datasource's file, or a redirect to a fresh read URL). A GET sends the stored bytes uncompressed,
 * whatever {@code Accept-Encoding} asks for.
 */
final class BlobRoutes {

    private final Handlers h;
    private final SignedUrls signed;

    BlobRoutes(Handlers handlers, SignedUrls signed) {
        this.h = handlers;
        this.signed = signed;
    }

    void register(RoutesConfig routes) {
        routes.put(SignedUrls.ROUTE + "<key>", this::put);
        routes.get(SignedUrls.ROUTE + "<key>", this::get);
    }

    private void put(Context ctx) throws IOException {
        Optional<DatasourceKey> file = datasourceKey(ctx, "PUT");
        try (InputStream body = ctx.req().getInputStream()) {
            long length = ctx.req().getContentLengthLong();
            if (file.isPresent() && file.get().kind() == DatasourceKey.Kind.FILE) {
                h.services.datasourceFiles().write(file.get(), body, length);
            } else if (file.isPresent()) {
                throw ApiProblem.notFound("NOT_FOUND", "no such blob");
            } else {
                h.services.blobs().put(blobKey(ctx, "PUT"), body, length);
            }
        }
        ctx.status(200);
    }

    private void get(Context ctx) throws IOException {
        Optional<DatasourceKey> datasource = datasourceKey(ctx, "GET");
        if (datasource.isPresent() && datasource.get().kind() == DatasourceKey.Kind.REDIRECT) {
            String url = h.services.datasourceFiles().redirect(datasource.get(), h.base(ctx));
            ctx.redirect(url, HttpStatus.FOUND);
            return;
        }
        Path file;
        String type;
        if (datasource.isPresent()) {
            file = h.services.datasourceFiles().read(datasource.get());
            type = MediaTypes.sniff(file);
        } else {
            BlobKey key = blobKey(ctx, "GET");
            file = h.services.blobs().get(key);
            type = key.kind() == BlobKey.Kind.EMBEDDINGS_CSV ? "text/csv" : MediaTypes.sniff(file);
        }
        // The stored bytes as they are: a compressed body would contradict Content-Length (Jetty
        // answers 500), and Python's requests writes response.raw, undecoded, to the file.
        ctx.disableCompression();
        ctx.contentType(type);
        ctx.header("Content-Length", Long.toString(Files.size(file)));
        ctx.header("Cache-Control", "private, max-age=300");
        ctx.result(Files.newInputStream(file));
    }

    private Optional<DatasourceKey> datasourceKey(Context ctx, String method) {
        String text = ctx.pathParam("key");
        Optional<DatasourceKey> key = DatasourceKey.parse(text);
        key.ifPresent(k -> verify(ctx, method, text));
        return key;
    }

    private BlobKey blobKey(Context ctx, String method) {
        BlobKey key =
                BlobKey.parse(ctx.pathParam("key"))
                        .orElseThrow(() -> ApiProblem.notFound("NOT_FOUND", "no such blob"));
        verify(ctx, method, key.text());
        return key;
    }

    private void verify(Context ctx, String method, String keyText) {
        switch (signed.check(
                method, keyText, ctx.queryParam("expires"), ctx.queryParam("signature"))) {
            case VALID:
                return;
            case EXPIRED:
                throw ApiProblem.forbidden("this URL has expired; ask the API for a new one");
            default:
                throw ApiProblem.forbidden("this URL's signature is not valid");
        }
    }
}
