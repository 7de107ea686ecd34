package org.lightlyjava.server.datasource;

import java.util.regex.Pattern;

/**
 * Paths inside a datasource (a sample's file name, a thumbnail's place): relative, with {@code /}
 * between folders, never leaving the datasource's full path.
 */
public final class RelativePaths {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f]");
    private static final int MAX = 1024;

    private RelativePaths() {}

    /**
     * Returns {@code path} when a datasource can hold it: not empty, at most 1024 characters, no
     * control characters, no leading {@code /}, no empty, {@code .} or {@code ..} segment, and for
     * a local folder no {@code \}.
     *
     * @param what names the value in the message, for example {@code fileName}
     * @throws DatasourceException INVALID otherwise
     */
    public static String check(String path, String what, boolean local) {
        String problem = problem(path, local);
        if (problem != null) {
            throw DatasourceException.invalid(
                    what
                            + " '"
                            + shorten(path)
                            + "' cannot name a file in a datasource: "
                            + problem);
        }
        return path;
    }

    /** Whether {@link #check} accepts it. */
    public static boolean isValid(String path, boolean local) {
        return problem(path, local) == null;
    }

    private static String problem(String path, boolean local) {
        if (path == null || path.isEmpty()) {
            return "it is empty";
        }
        if (path.length() > MAX || CONTROL.matcher(path).find()) {
            return "it must be at most " + MAX + " characters without control characters";
        }
        if (path.startsWith("/")) {
            return "it must be relative (no leading /)";
        }
        if (local && path.indexOf('\\') >= 0) {
            return "a local path must not contain \\";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "it must not have empty, '.' or '..' parts";
            }
        }
        return null;
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
