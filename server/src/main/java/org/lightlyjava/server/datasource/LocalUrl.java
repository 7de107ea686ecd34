package org.lightlyjava.server.datasource;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Lightly's URL form of a LOCAL {@code fullPath}: {@code
 * set_local_config("http://localhost:1234/farm")} names a folder under the root of the user's local
 * file server. lightly-server is that file server itself: the URL's host and port are left aside
 * and its path is the folder under the server's local root ({@code http://localhost:1234/farm} is
 * {@code farm/}, {@code http://localhost:1234} the root).
 */
final class LocalUrl {

    private static final Pattern URL = Pattern.compile("(?i)https?://.*");

    private LocalUrl() {}

    static boolean isUrl(String fullPath) {
        return fullPath != null && URL.matcher(fullPath).matches();
    }

    /**
     * The folder a URL names, relative to the local root, without a leading or trailing {@code /}
     * and percent-decoded; empty for the root. The caller checks it like any folder.
     *
     * @throws DatasourceException INVALID naming {@code fullPath}
     */
    static String folder(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url, "it is no URL (" + e.getReason() + ")");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw invalid(url, "it needs a host and no user name");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(url, "it must have no ? or #");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static DatasourceException invalid(String url, String why) {
        return DatasourceException.invalid(
                "fullPath '"
                        + RelativePaths.shorten(url)
                        + "' must be a folder under the server's local root, or Lightly's form"
                        + " http://host:port/folder: "
                        + why);
    }
}
