package org.lightlyjava.server.http;

import io.javalin.http.Context;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base of the URLs the server hands out (signed blob URLs, redirects): {@code --public-url}
 * when given; else the request's {@code Host} header when it names an allowed host (a loopback name
 * or address, the address the server listens on, or one of {@code --allowed-host}); else the
 * address the request came in on. A forged {@code Host} header therefore never steers a client's
 * upload or download to another server.
 */
public final class PublicUrls {

    private static final Pattern HOST =
            Pattern.compile("([A-Za-z0-9.\\-]+|\\[[0-9a-fA-F:.]+\\])(:\\d{1,5})?");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String publicUrl;
    private final Set<String> allowed = new HashSet<>();

    /**
     * @param publicUrl the server's URL as clients reach it, or null
     * @param listenHost the address the server listens on
     * @param allowedHosts further {@code Host} headers to trust, {@code name} or {@code name:port}
     */
    public PublicUrls(String publicUrl, String listenHost, List<String> allowedHosts) {
        this.publicUrl = publicUrl;
        allowed.add(listenHost.toLowerCase(Locale.ROOT));
        for (String host : allowedHosts) {
            allowed.add(host.toLowerCase(Locale.ROOT));
        }
    }

    String base(Context ctx) {
        if (publicUrl != null) {
            return publicUrl;
        }
        String host = ctx.header("Host");
        if (host == null || !allowed(host)) {
            String local = ctx.req().getLocalAddr();
            host =
                    (local.contains(":") ? "[" + local + "]" : local)
                            + ":"
                            + ctx.req().getLocalPort();
        }
        return ctx.scheme() + "://" + host;
    }

    private boolean allowed(String hostHeader) {
        Matcher m = HOST.matcher(hostHeader);
        if (!m.matches()) {
            return false;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        return LOOPBACK.contains(name)
                || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
                || allowed.contains(name)
                || allowed.contains(hostHeader.toLowerCase(Locale.ROOT));
    }
}
