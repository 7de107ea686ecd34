package org.lightlyjava.server.service;

/**
 * {@code pageOffset} (items to skip) and {@code pageSize} (most items) of a listing. An offset past
 * the end gives an empty page, which ends Lightly's client loop.
 */
public record Page(long offset, long limit) {

    /** Everything. */
    public static final Page ALL = new Page(0, Long.MAX_VALUE);

    public Page {
        if (offset < 0) {
            throw ApiProblem.badRequest("pageOffset must not be negative");
        }
        if (limit < 1) {
            throw ApiProblem.badRequest("pageSize must be at least 1");
        }
    }
}
