package org.lightlyjava.server.datasource;

import java.util.List;

/**
 * One page of a datasource listing.
 *
 * @param entries the files, in key order
 * @param next where the next page starts, or null when this was the last
 */
public record ListPage(List<Entry> entries, Position next) {

    /**
     * A file.
     *
     * @param name its path relative to the datasource's full path
     * @param lastModified Unix seconds
     */
    public record Entry(String name, long lastModified) {}

    /**
     * Where a listing goes on: an S3 continuation token, or the key to start after.
     *
     * @param token a continuation token, or null
     * @param startAfter list names after this one, or null
     */
    public record Position(String token, String startAfter) {}
}
