package org.lightlyjava.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lightlyjava.server.datasource.EndpointPolicy;

/**
 * How a {@link LightlyServer} runs: where its data lives, where it listens, its limits. Immutable;
 * make one with {@link #builder()}.
 *
 * @param dataDir the data folder: database (SQLite), signing key, blobs
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 * @param database a JDBC URL, or null for the SQLite file {@code lightly-server.db} in the data
 *     folder
 * @param databasePassword the database's password when it is not in the URL, or null
 * @param publicUrl the URL clients reach the server at (for the URLs it hands out), or null to take
 *     it from each request's {@code Host} header
 * @param maxSamplesPerDataset the quota per dataset
 * @param maxJsonBytes the longest JSON request body
 * @param maxBlobBytes the longest image, thumbnail or CSV upload
 * @param writeUrlTtl how long a signed write URL works
 * @param readUrlTtl how long a signed read URL works
 * @param localRoot the folder LOCAL datasources live under, or null for {@code <dataDir>/local}
 * @param s3Timeout the connect and read timeout towards a datasource's S3 endpoint
 * @param s3Endpoints the S3-compatible endpoints datasources may name although they resolve to an
 *     internal address (loopback, private, link-local); null: any endpoint at all (a server only
 *     its user reaches, and tests)
 * @param allowedHosts without {@code publicUrl}: the {@code Host} headers ({@code name} or {@code
 *     name:port}) the server builds the URLs it hands out from; other hosts get URLs on the address
 *     the request came in on (loopback names and the listening host are always allowed)
 * @param clock the time source (tests move it)
 * @param s3Endpoint the S3-compatible endpoint of datasources that name none (Lightly's clients
 *     cannot send {@code s3EndpointUrl}), or null for AWS
 * @param stsEndpoint the STS endpoint {@code S3DelegatedAccess} datasources assume their roles at,
 *     or null for AWS's regional endpoint
 */
public record ServerSettings(
        Path dataDir,
        String host,
        int port,
        String database,
        String databasePassword,
        String publicUrl,
        long maxSamplesPerDataset,
        long maxJsonBytes,
        long maxBlobBytes,
        Duration writeUrlTtl,
        Duration readUrlTtl,
        Path localRoot,
        Duration s3Timeout,
        List<String> s3Endpoints,
        List<String> allowedHosts,
        Clock clock,
        String s3Endpoint,
        String stsEndpoint) {

    /** The port {@code lightly-server serve} listens on by default. */
    public static final int DEFAULT_PORT = 8787;

    /**
     * The default {@code maxBlobBytes}: 1 GiB. Uploads stream to disk, so this guards the disk, not
     * the heap; an embeddings CSV of 1M samples x 32 dimensions is about 365 MB.
     */
    public static final long DEFAULT_MAX_BLOB_BYTES = 1L << 30;

    /** The longest lifetime of a signed URL: SigV4's limit for presigned S3 URLs. */
    public static final Duration MAX_URL_TTL = Duration.ofDays(7);

    /** The environment variable that overrides the default data folder. */
    public static final String DATA_DIR_ENV = "LIGHTLY_DATA_DIR";

    public ServerSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535: " + port);
        }
        if (publicUrl != null && !publicUrl.matches("https?://[^/?#]+(/[^?#]*)?")) {
            throw new IllegalArgumentException("publicUrl must be an http(s) URL: " + publicUrl);
        }
        if (publicUrl != null && publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
        if (writeUrlTtl.isNegative() || readUrlTtl.isNegative()) {
            throw new IllegalArgumentException("URL lifetimes must not be negative");
        }
        if (writeUrlTtl.compareTo(MAX_URL_TTL) > 0 || readUrlTtl.compareTo(MAX_URL_TTL) > 0) {
            throw new IllegalArgumentException(
                    "URL lifetimes must be at most 7 days (the limit of presigned S3 URLs)");
        }
        Objects.requireNonNull(s3Timeout, "s3Timeout");
        if (s3Timeout.isNegative() || s3Timeout.isZero()) {
            throw new IllegalArgumentException("s3Timeout must be positive");
        }
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        for (String allowed : allowedHosts) {
            if (!allowed.matches("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9a-fA-F:.]+\\](:\\d{1,5})?")) {
                throw new IllegalArgumentException(
                        "an allowed host is a name or address, optionally with :port: " + allowed);
            }
        }
        if (s3Endpoint != null && !s3Endpoint.matches("https?://[^/?#@\\s]+/?")) {
            throw new IllegalArgumentException(
                    "s3Endpoint must be http(s)://host[:port]: " + s3Endpoint);
        }
        if (stsEndpoint != null && !stsEndpoint.matches("https?://[^/?#@\\s]+/?")) {
            throw new IllegalArgumentException(
                    "stsEndpoint must be http(s)://host[:port]: " + stsEndpoint);
        }
        if (s3Endpoints != null) {
            s3Endpoints = List.copyOf(s3Endpoints);
            EndpointPolicy.publicOnly(s3Endpoints); // refuses an entry that is no http(s) URL
        }
    }

    /** Like the record's, with the database password masked. */
    @Override
    public String toString() {
        return "ServerSettings[dataDir="
                + dataDir
                + ", host="
                + host
                + ", port="
                + port
                + ", database="
                + (database == null ? null : database.replaceAll("(?i)(password=)[^&]*", "$1***"))
                + ", databasePassword="
                + (databasePassword == null ? null : "***")
                + ", publicUrl="
                + publicUrl
                + "]";
    }

    /** The folder of LOCAL datasources: {@link #localRoot()} or {@code <dataDir>/local}. */
    public Path localRootOrDefault() {
        return localRoot != null ? localRoot.toAbsolutePath() : dataDir.resolve("local");
    }

    /**
     * The data folder when none is given: {@code $LIGHTLY_DATA_DIR}, else {@code ~/.lightly-java}.
     */
    public static Path defaultDataDir(Map<String, String> env) {
        String dir = env.get(DATA_DIR_ENV);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".lightly-java");
    }

    /** The JDBC URL in use: {@link #database()} or the SQLite file in the data folder. */
    public String jdbcUrl() {
        return database != null ? database : "jdbc:sqlite:" + sqliteFile();
    }

    /** The SQLite file used when no {@link #database()} is given. */
    public Path sqliteFile() {
        return dataDir.resolve("lightly-server.db");
    }

    /** Defaults: data folder from the environment, 127.0.0.1:8787, SQLite. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link ServerSettings}; every value has a default. */
    public static final class Builder {
        private Path dataDir = defaultDataDir(System.getenv());
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private String database;
        private String databasePassword;
        private String publicUrl;
        private long maxSamplesPerDataset = 10_000_000;
        private long maxJsonBytes = 64L << 20;
        private long maxBlobBytes = DEFAULT_MAX_BLOB_BYTES;
        private Duration writeUrlTtl = Duration.ofMinutes(15);
        private Duration readUrlTtl = Duration.ofHours(1);
        private Path localRoot;
        private Duration s3Timeout = Duration.ofSeconds(5);
        private List<String> s3Endpoints;
        private List<String> allowedHosts = List.of();
        private Clock clock = Clock.systemUTC();
        private String s3Endpoint;
        private String stsEndpoint;

        private Builder() {}

        private Builder(ServerSettings s) {
            dataDir = s.dataDir;
            host = s.host;
            port = s.port;
            database = s.database;
            databasePassword = s.databasePassword;
            publicUrl = s.publicUrl;
            maxSamplesPerDataset = s.maxSamplesPerDataset;
            maxJsonBytes = s.maxJsonBytes;
            maxBlobBytes = s.maxBlobBytes;
            writeUrlTtl = s.writeUrlTtl;
            readUrlTtl = s.readUrlTtl;
            localRoot = s.localRoot;
            s3Timeout = s.s3Timeout;
            s3Endpoints = s.s3Endpoints;
            allowedHosts = s.allowedHosts;
            clock = s.clock;
            s3Endpoint = s.s3Endpoint;
            stsEndpoint = s.stsEndpoint;
        }

        public Builder dataDir(Path value) {
            dataDir = value;
            return this;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        /** A JDBC URL, or null for SQLite in the data folder. */
        public Builder database(String value) {
            database = value;
            return this;
        }

        /** The database password when the JDBC URL carries none; null for none. */
        public Builder databasePassword(String value) {
            databasePassword = value;
            return this;
        }

        public Builder publicUrl(String value) {
            publicUrl = value;
            return this;
        }

        public Builder maxSamplesPerDataset(long value) {
            maxSamplesPerDataset = value;
            return this;
        }

        public Builder maxJsonBytes(long value) {
            maxJsonBytes = value;
            return this;
        }

        public Builder maxBlobBytes(long value) {
            maxBlobBytes = value;
            return this;
        }

        public Builder writeUrlTtl(Duration value) {
            writeUrlTtl = value;
            return this;
        }

        public Builder readUrlTtl(Duration value) {
            readUrlTtl = value;
            return this;
        }

        /** The folder of LOCAL datasources; null for {@code <dataDir>/local}. */
        public Builder localRoot(Path value) {
            localRoot = value;
            return this;
        }

        public Builder s3Timeout(Duration value) {
            s3Timeout = value;
            return this;
        }

        /**
         * Internal S3 endpoints datasources may name; null (the default) allows any endpoint, an
         * empty list only public ones.
         */
        public Builder s3Endpoints(List<String> value) {
            s3Endpoints = value;
            return this;
        }

        /** {@code Host} headers the URLs handed out may be built from (see the record). */
        public Builder allowedHosts(List<String> value) {
            allowedHosts = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /** The S3 endpoint of datasources that name none; null for AWS. */
        public Builder s3Endpoint(String value) {
            s3Endpoint = value;
            return this;
        }

        /** The STS endpoint for delegated access; null for AWS's. */
        public Builder stsEndpoint(String value) {
            stsEndpoint = value;
            return this;
        }

        public ServerSettings build() {
            return new ServerSettings(
                    dataDir,
                    host,
                    port,
                    database,
                    databasePassword,
                    publicUrl,
                    maxSamplesPerDataset,
                    maxJsonBytes,
                    maxBlobBytes,
                    writeUrlTtl,
                    readUrlTtl,
                    localRoot,
                    s3Timeout,
                    s3Endpoints,
                    allowedHosts,
                    clock,
                    s3Endpoint,
                    stsEndpoint);
        }
    }
}
