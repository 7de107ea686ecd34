package org.lightlyjava.server.datasource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AZURE full path as Lightly writes it, {@code container/prefix/}: the container and the blob
 * name prefix (empty, or ending in {@code /}).
 */
record AzureLocation(String container, String prefix) {

    private static final Pattern PATH = Pattern.compile("(?:azure://)?([^/]+)(?:/(.*))?");
    private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](?:-?[a-z0-9]){2,62}");

    /**
     * Parses and normalises a full path ({@code container}, {@code container/prefix} and {@code
     * container/prefix/} all name the folder {@code prefix/}).
     *
     * @throws DatasourceException INVALID naming {@code fullPath}
     */
    static AzureLocation parse(String fullPath) {
        Matcher m = fullPath == null ? null : PATH.matcher(fullPath);
        if (m == null || !m.matches()) {
            throw DatasourceException.invalid(
                    "fullPath must look like container/path/ for AZURE, got '"
                            + RelativePaths.shorten(fullPath)
                            + "'");
        }
        String container = m.group(1);
        if (!CONTAINER.matcher(container).matches()) {
            throw DatasourceException.invalid(
                    "fullPath: '"
                            + RelativePaths.shorten(container)
                            + "' is not a container name (3 to 63 of a-z, 0-9 and single '-')");
        }
        return new AzureLocation(container, Prefixes.folder(m.group(2)));
    }

    /** {@code container/prefix/}. */
    String fullPath() {
        return container + "/" + prefix;
    }

    /** The blob name of a path relative to the prefix. */
    String blob(String path) {
        return prefix + path;
    }
}
