package org.lightlyjava.server.datasource;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which S3 endpoints ({@code s3EndpointUrl}) a datasource may name. The server connects to them
 * with its own network position, so a user who may set a datasource could otherwise make it probe
 * addresses only the server reaches: its loopback, the private network, a cloud's metadata service.
 * A shared server ({@code lightly-server serve}) therefore refuses endpoints that resolve to
 * loopback, link-local, private (site-local, unique-local), wildcard or multicast addresses, unless
 * its administrator allows the endpoint by name. AWS S3 itself (no endpoint) is always allowed.
 */
public final class EndpointPolicy {

    private static final EndpointPolicy ANY = new EndpointPolicy(null);

    /** Normalised {@code scheme://host:port} allowed whatever they resolve to; null: any. */
    private final Set<String> allowed;

    private EndpointPolicy(Set<String> allowed) {
        this.allowed = allowed;
    }

    /** Every endpoint: for a single-user server on the user's own machine, and for tests. */
    public static EndpointPolicy any() {
        return ANY;
    }

    /**
     * Public addresses, and the {@code allowed} endpoints whatever they resolve to.
     *
     * @throws IllegalArgumentException when an allowed entry is no http(s) URL
     */
    public static EndpointPolicy publicOnly(List<String> allowed) {
        return new EndpointPolicy(
                allowed.stream().map(EndpointPolicy::normalise).collect(Collectors.toSet()));
    }

    /** Whether every endpoint is allowed. */
    public boolean allowsAny() {
        return allowed == null;
    }

    /**
     * @param endpoint an {@code http(s)://host[:port]} URL, already checked for its form
     * @throws DatasourceException INVALID naming {@code s3EndpointUrl} when it is not allowed
     */
    public void check(String endpoint) {
        if (allowed == null || allowed.contains(normalise(endpoint))) {
            return;
        }
        String host = URI.create(endpoint).getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw DatasourceException.invalid(
                    "s3EndpointUrl " + endpoint + ": the host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw DatasourceException.invalid(
                        "s3EndpointUrl "
                                + endpoint
                                + " points to an internal address ("
                                + address.getHostAddress()
                                + "); the server's administrator can allow it with lightly-server"
                                + " serve --allow-s3-endpoint "
                                + endpoint);
            }
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        // IPv6 unique-local addresses (fc00::/7) are the private network of IPv6
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** {@code scheme://host:port} in lower case, with the scheme's default port made explicit. */
    static String normalise(String url) {
        URI uri = URI.create(url.trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "an S3 endpoint must be http(s)://host[:port], got '" + url + "'");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
