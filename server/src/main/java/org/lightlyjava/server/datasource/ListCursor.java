package org.lightlyjava.server.datasource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code cursor} of {@code .../datasource/list}: the first call's {@code from}/{@code
 * to} and where the next page starts, so that later calls need only the cursor (as Lightly's client
 * sends them).
 *
 * @param position where to go on; null: at the start
 */
public record ListCursor(long from, long to, ListPage.Position position) {

    private static final String VERSION = "c1";

    /** The cursor as text (base64url). */
    public String encode() {
        String kind;
        String value;
        if (position == null) {
            kind = "s";
            value = "";
        } else {
            kind = position.token() != null ? "t" : "a";
            value = position.token() != null ? position.token() : position.startAfter();
        }
        String text = VERSION + "\n" + from + "\n" + to + "\n" + kind + "\n" + value;
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor made by {@link #encode()}.
     *
     * @throws DatasourceException INVALID when it is not one
     */
    public static ListCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split("\n", 5);
            if (parts.length != 5 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException("not a cursor");
            }
            long from = Long.parseLong(parts[1]);
            long to = Long.parseLong(parts[2]);
            ListPage.Position position =
                    switch (parts[3]) {
                        case "t" -> new ListPage.Position(parts[4], null);
                        case "a" -> new ListPage.Position(null, parts[4]);
                        case "s" -> null;
                        default -> throw new IllegalArgumentException("not a cursor");
                    };
            return new ListCursor(from, to, position);
        } catch (IllegalArgumentException e) {
            throw DatasourceException.invalid(
                    "cursor is not one this server handed out; start again without it");
        }
    }
}
