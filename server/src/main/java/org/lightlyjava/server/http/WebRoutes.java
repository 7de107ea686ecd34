package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.lightlyjava.server.service.ApiProblem;

/**
 * The web page: {@code /} is {@code web/index.html} from the classpath, {@code /web/<name>} the
 * other files beside it (ES modules, style sheet, icon). No token needed: the page signs in itself
 * ({@link SessionRoutes}). Files are read once; browsers revalidate them ({@code no-cache} with an
 * ETag), so a new server version is picked up at once. The Content-Security-Policy allows scripts,
 * styles and requests from this server only, and images from anywhere over http(s): thumbnails come
 * from the server or, through a redirect, from a datasource's bucket.
 */
final class WebRoutes {

    static final String PREFIX = "/web/";
    static final String POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: http:;"
                    + " connect-src 'self'; base-uri 'none'; form-action 'self';"
                    + " frame-ancestors 'none'";

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES =
            Map.of(
                    "html", "text/html; charset=utf-8",
                    "js", "text/javascript; charset=utf-8",
                    "css", "text/css; charset=utf-8",
                    "svg", "image/svg+xml");

    private final Map<String, File> files = new ConcurrentHashMap<>();

    private record File(byte[] bytes, String type, String etag) {}

    /** Whether a path is one of the page's files (served without a token). */
    static boolean serves(String path) {
        return path.equals("/") || path.startsWith(PREFIX);
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> send(ctx, "index.html"));
        routes.get(PREFIX + "{name}", ctx -> send(ctx, ctx.pathParam("name")));
    }

    private void send(Context ctx, String name) {
        File file = file(name).orElseThrow(() -> ApiProblem.notFound("NOT_FOUND", "no such file"));
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", file.etag());
        if (file.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(file.type());
        ctx.result(file.bytes());
    }

    /** The file, read once; names that are not there are not remembered. */
    private Optional<File> file(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        File known = files.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<File> loaded = load(name);
        loaded.ifPresent(f -> files.put(name, f));
        return loaded;
    }

    private static Optional<File> load(String name) {
        try (InputStream in = WebRoutes.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new File(bytes, TYPES.get(extension), etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web page's " + name, e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
