package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lightlyjava.server.blob.BlobKey;
import org.lightlyjava.server.blob.MediaTypes;
import org.lightlyjava.server.blob.SignedUrls;
import org.lightlyjava.server.service.ApiProblem;
import org.lightlyjava.server.service.BlobService;

/**
 * {@code PUT} and {@code GET /v1/blobs/<key>?expires=&signature=}: no token, but a signature over
 * method, key and expiry. A PUT answers 200 with no body (Lightly's v1.1 clients accept only 200)
 * and needs no Content-Type; it counts only once the whole body arrived.
 */
final class BlobRoutes {

    private final BlobService blobs;
    private final SignedUrls signed;

    BlobRoutes(BlobService blobs, SignedUrls signed) {
        this.blobs = blobs;
        this.signed = signed;
    }

    void register(RoutesConfig routes) {
        routes.put(SignedUrls.ROUTE + "<key>", this::put);
        routes.get(SignedUrls.ROUTE + "<key>", this::get);
    }

    private void put(Context ctx) throws IOException {
        BlobKey key = verified(ctx, "PUT");
        try (InputStream body = ctx.req().getInputStream()) {
            blobs.put(key, body, ctx.req().getContentLengthLong());
        }
        ctx.status(200);
    }

    private void get(Context ctx) throws IOException {
        BlobKey key = verified(ctx, "GET");
        Path file = blobs.get(key);
        String type =
                key.kind() == BlobKey.Kind.EMBEDDINGS_CSV ? "text/csv" : MediaTypes.sniff(file);
        ctx.contentType(type);
        ctx.header("Content-Length", Long.toString(Files.size(file)));
        ctx.header("Cache-Control", "private, max-age=300");
        ctx.result(Files.newInputStream(file));
    }

    private BlobKey verified(Context ctx, String method) {
        String text = ctx.pathParam("key");
        BlobKey key =
                BlobKey.parse(text)
                        .orElseThrow(() -> ApiProblem.notFound("NOT_FOUND", "no such blob"));
        switch (signed.check(
                method, key.text(), ctx.queryParam("expires"), ctx.queryParam("signature"))) {
            case VALID:
                return key;
            case EXPIRED:
                throw ApiProblem.forbidden("this URL has expired; ask the API for a new one");
            default:
                throw ApiProblem.forbidden("this URL's signature is not valid");
        }
    }
}
