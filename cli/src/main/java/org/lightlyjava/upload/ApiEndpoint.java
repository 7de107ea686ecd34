package org.lightlyjava.upload;

import java.net.URI;

/** Where the API is: a remote server, or the embedded one this process started. */
public interface ApiEndpoint extends AutoCloseable {

    URI url();

    /** The token to send; never printed or logged. */
    String token();

    /** Lines telling the user how to look at the data afterwards (empty for a remote server). */
    default String browseHint() {
        return "";
    }

    @Override
    void close();

    /** A server somewhere else, given by {@code server_location} and {@code token}. */
    record Remote(URI url, String token) implements ApiEndpoint {
        @Override
        public void close() {}
    }
}
