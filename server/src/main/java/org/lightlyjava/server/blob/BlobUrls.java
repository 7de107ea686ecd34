package org.lightlyjava.server.blob;

import java.time.Duration;

/**
 * Makes the URLs through which a client writes or reads a blob without a token. The server's own
 * implementation signs URLs to its blob route; a datasource may presign bucket URLs instead.
 */
public interface BlobUrls {

    /**
     * A URL that accepts one {@code PUT} of the blob's bytes for a short while.
     *
     * @param base the server's URL as the client reaches it, for example {@code
     *     http://127.0.0.1:8787}
     */
    String writeUrl(String base, BlobKey key);

    /** A URL that answers {@code GET} with the blob's bytes for a while. */
    String readUrl(String base, BlobKey key);

    /** A URL that answers {@code GET} with the blob's bytes for {@code ttl}. */
    String readUrl(String base, BlobKey key, Duration ttl);
}
