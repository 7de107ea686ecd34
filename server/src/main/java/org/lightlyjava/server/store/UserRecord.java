package org.lightlyjava.server.store;

/** A user: datasets belong to one, tokens authenticate as one. */
public record UserRecord(String id, String name, long createdAt) {}
