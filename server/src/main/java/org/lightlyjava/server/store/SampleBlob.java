package org.lightlyjava.server.store;

/** The two blobs a sample can have on the server. */
public enum SampleBlob {
    /** The thumbnail ({@code thumbName}). */
    THUMBNAIL,
    /** The image file itself. */
    FULL
}
