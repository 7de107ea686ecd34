package org.lightlyjava.server.datasource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an AZURE datasource's {@code accountKey} holds: an account key (base64) or a SAS token
 * ({@code sv=...&sp=...&sig=...}, with or without a leading {@code ?}), which Lightly's client
 * sends in the same field. A SAS token is checked for what the server needs before it is stored:
 * read and list on the container, not expired; write is optional (a red light says it is missing).
 */
record AzureSas(String token, String permissions, Instant expiry) {

    /** Whether the secret is a SAS token (it carries a signature) rather than an account key. */
    static boolean isSas(String secret) {
        return secret.contains("sig=");
    }

    /**
     * Parses and checks a SAS token.
     *
     * @param now to refuse an expired token
     * @throws DatasourceException INVALID naming {@code accountKey}
     */
    static AzureSas parse(String secret, Instant now) {
        String token = secret.startsWith("?") ? secret.substring(1) : secret;
        Map<String, String> fields = fields(token);
        String permissions = fields.getOrDefault("sp", "");
        if ("b".equals(fields.get("sr")) || "bs".equals(fields.get("sr"))) {
            throw invalid("is a SAS token for one blob; Lightly needs one for the container");
        }
        String services = fields.get("ss");
        if (services != null && !services.contains("b")) {
            throw invalid("is an account SAS token without the blob service (ss=" + services + ")");
        }
        String types = fields.get("srt");
        if (types != null && !(types.contains("c") && types.contains("o"))) {
            throw invalid(
                    "is an account SAS token without container and object access (srt="
                            + types
                            + "; needs c and o)");
        }
        if (!permissions.contains("r") || !permissions.contains("l")) {
            throw invalid(
                    "must grant read (r) and list (l); this SAS token grants '"
                            + permissions
                            + "'");
        }
        Instant expiry = expiry(fields.get("se"));
        if (expiry != null && !expiry.isAfter(now)) {
            throw invalid("is a SAS token that expired at " + expiry);
        }
        return new AzureSas(token, permissions, expiry);
    }

    /**
     * Checks an account key: base64 of at least 32 bytes (Azure's are 64).
     *
     * @throws DatasourceException INVALID naming {@code accountKey}
     */
    static void checkAccountKey(String key) {
        try {
            if (Base64.getDecoder().decode(key).length >= 32) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw invalid(
                "must be the storage account's key (base64) or a SAS token for the container"
                        + " (sv=...&sp=...&sig=...)");
    }

    /** Whether the token lets a client write new blobs and overwrite them. */
    boolean canWrite() {
        return permissions.contains("w") || permissions.contains("c");
    }

    /** Why a write would be refused, in the user's terms, or null. */
    String writeProblem() {
        return canWrite()
                ? null
                : "the SAS token grants '" + permissions + "' only: write (w) is missing";
    }

    private static Map<String, String> fields(String token) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : token.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(
                        part.substring(0, eq),
                        URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!fields.containsKey("sig") || !fields.containsKey("sv")) {
            throw invalid("is no SAS token: it needs sv= and sig=");
        }
        return fields;
    }

    private static Instant expiry(String se) {
        if (se == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(se.length() == 10 ? se + "T00:00:00Z" : se).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("has an expiry (se=) that is no ISO 8601 time");
        }
    }

    private static DatasourceException invalid(String what) {
        return DatasourceException.invalid("accountKey " + what);
    }

    @Override
    public String toString() {
        return "AzureSas[sp=" + permissions + ", se=" + expiry + "]";
    }
}
