package org.lightlyjava.server.service;

import java.util.regex.Pattern;

/** Lightly's rules for names, checked before anything is written. */
public final class Names {

    private static final Pattern DATASET = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9 _-]+");
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9 .:;=@_-]+");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f]");
    private static final int MAX_NAME = 255;

    /** The longest file name; PostgreSQL's index keeps up to 2,700 bytes. */
    public static final int MAX_FILE_NAME = 600;

    private Names() {}

    /** {@code ^[a-zA-Z0-9][a-zA-Z0-9 _-]+$}, 3 to 255 characters. */
    public static String dataset(String name) {
        return check(name, DATASET, "dataset name", "^[a-zA-Z0-9][a-zA-Z0-9 _-]+$");
    }

    /** {@code ^[a-zA-Z0-9][a-zA-Z0-9 .:;=@_-]+$}, 3 to 255 characters. */
    public static String tag(String name) {
        return check(name, TAG, "tag name", "^[a-zA-Z0-9][a-zA-Z0-9 .:;=@_-]+$");
    }

    /** A letter or digit, then up to 63 of letters, digits and {@code ._@-}. */
    public static boolean isUser(String name) {
        return name != null && USER.matcher(name).matches();
    }

    /** 1 to 255 characters without control characters. */
    public static String embedding(String name) {
        if (name == null || name.isEmpty()) {
            throw ApiProblem.badRequest("the embedding name is missing");
        }
        if (name.length() > MAX_NAME || CONTROL.matcher(name).find()) {
            throw ApiProblem.badRequest(
                    "the embedding name must be 1 to 255 characters without control characters");
        }
        return name;
    }

    /** A sample's file name: not blank, at most 600 characters, no control characters. */
    public static String fileName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw ApiProblem.badRequest(what + " is missing");
        }
        if (name.length() > MAX_FILE_NAME || CONTROL.matcher(name).find()) {
            throw ApiProblem.badRequest(
                    what
                            + " must be at most "
                            + MAX_FILE_NAME
                            + " characters without control characters: '"
                            + Ids.shorten(name)
                            + "'");
        }
        return name;
    }

    private static String check(String name, Pattern pattern, String what, String rule) {
        if (name == null) {
            throw ApiProblem.badRequest("the " + what + " is missing");
        }
        if (name.length() < 3 || name.length() > MAX_NAME || !pattern.matcher(name).matches()) {
            throw ApiProblem.badRequest(
                    "invalid "
                            + what
                            + " '"
                            + Ids.shorten(name)
                            + "': it must match "
                            + rule
                            + " and have 3 to 255 characters");
        }
        return name;
    }
}
