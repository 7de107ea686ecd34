package org.lightlyjava.server.blob;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a file of a dataset's datasource in a signed URL of the blob route: {@code
 * datasource/<datasetId>/<purpose>/<path>} (a LOCAL datasource's file, to GET or PUT) or {@code
 * redirect/<datasetId>/<purpose>/<path>} (a GET that redirects to a fresh read URL of the file).
 * The path, relative to the datasource's full path, travels base64url-encoded: no escaping, no
 * {@code ..} for any proxy to resolve. Its text never looks like a {@link BlobKey}'s.
 */
public record DatasourceKey(Kind kind, String datasetId, String purpose, String path) {

    private static final Pattern PATTERN =
            Pattern.compile(
                    "(datasource|redirect)/([a-f0-9]{24})/(INPUT_OUTPUT|INPUT|LIGHTLY)/([A-Za-z0-9_-]+)");

    /** What a URL with the key does. */
    public enum Kind {
        /** GET or PUT the file of a LOCAL datasource. */
        FILE("datasource"),
        /** GET answers 302 to a read URL of the file. */
        REDIRECT("redirect");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    public static DatasourceKey file(String datasetId, String purpose, String path) {
        return new DatasourceKey(Kind.FILE, datasetId, purpose, path);
    }

    public static DatasourceKey redirect(String datasetId, String purpose, String path) {
        return new DatasourceKey(Kind.REDIRECT, datasetId, purpose, path);
    }

    /** Parses {@link #text()}; empty for anything else. */
    public static Optional<DatasourceKey> parse(String text) {
        Matcher m = PATTERN.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Kind kind = m.group(1).equals("datasource") ? Kind.FILE : Kind.REDIRECT;
        try {
            byte[] path = Base64.getUrlDecoder().decode(m.group(4));
            return Optional.of(
                    new DatasourceKey(
                            kind,
                            m.group(2),
                            m.group(3),
                            new String(path, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The key as URLs carry it (only URL-safe characters). */
    public String text() {
        String encoded =
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(path.getBytes(StandardCharsets.UTF_8));
        return kind.prefix + "/" + datasetId + "/" + purpose + "/" + encoded;
    }
}
