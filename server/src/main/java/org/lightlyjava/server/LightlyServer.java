package org.lightlyjava.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.lightlyjava.server.blob.BlobFiles;
import org.lightlyjava.server.blob.ServerKey;
import org.lightlyjava.server.blob.SignedUrls;
import org.lightlyjava.server.datasource.Datasources;
import org.lightlyjava.server.datasource.EndpointPolicy;
import org.lightlyjava.server.datasource.LocalRoot;
import org.lightlyjava.server.datasource.SecretBox;
import org.lightlyjava.server.http.HttpApi;
import org.lightlyjava.server.http.PublicUrls;
import org.lightlyjava.server.service.Limits;
import org.lightlyjava.server.service.Services;
import org.lightlyjava.server.service.Sessions;
import org.lightlyjava.server.service.Tokens;
import org.lightlyjava.server.store.Store;
import org.lightlyjava.server.store.StoreException;
import org.lightlyjava.server.store.jdbi.JdbiStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running lightly-server: Lightly's API v1 over HTTP, on a database and a data folder.
 *
 * <pre>{@code
 * try (LightlyServer server = LightlyServer.start(ServerSettings.builder().port(0).build())) {
 *     String token = server.issueToken("local"); // valid until close()
 *     // talk to server.url() + "/v1/..." with ?token=
 * }
 * }</pre>
 *
 * The data folder is created with mode 0700 and the SQLite database with 0600, whoever starts the
 * server ({@code lightly-server serve} or a tool embedding it). {@link #close()} lets requests in
 * flight finish (up to 10 s), then stops and closes the database.
 */
public final class LightlyServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LightlyServer.class);
    private static final Duration TEMPORARY_TOKEN_TTL = Duration.ofHours(24);

    private final ServerSettings settings;
    private final Store store;
    private final Services services;
    private final HttpApi app;
    private final Datasources datasources;
    private final List<String> temporaryTokens = new ArrayList<>();
    private boolean closed;

    private LightlyServer(
            ServerSettings settings,
            Store store,
            Services services,
            HttpApi app,
            Datasources datasources) {
        this.settings = settings;
        this.store = store;
        this.services = services;
        this.app = app;
        this.datasources = datasources;
    }

    /**
     * Opens the data folder (creating it) and the database (migrating it), then listens.
     *
     * @throws ServerStartException when the folder, the database or the address is unusable
     */
    public static LightlyServer start(ServerSettings settings) throws ServerStartException {
        SecretLogFilter.install();
        Store store = openStore(settings);
        Datasources datasources = null;
        Services services = null;
        try {
            BlobFiles files = BlobFiles.open(settings.dataDir());
            byte[] key = ServerKey.loadOrCreate(settings.dataDir());
            SignedUrls urls =
                    new SignedUrls(
                            key, settings.clock(), settings.writeUrlTtl(), settings.readUrlTtl());
            datasources = datasources(settings, urls);
            Limits limits =
                    new Limits(
                            settings.maxSamplesPerDataset(),
                            settings.maxJsonBytes(),
                            settings.maxBlobBytes());
            services = new Services(store, files, urls, datasources, limits, settings.clock());
            store.users().deleteExpiredTokens(settings.clock().millis());
            store.users().deleteEndedSessions(settings.clock().millis());
            Sessions sessions =
                    new Sessions(services.tokens(), store.users(), key, settings.clock());
            HttpApi app =
                    HttpApi.create(
                            services,
                            urls,
                            sessions,
                            new PublicUrls(
                                    settings.publicUrl(), settings.host(), settings.allowedHosts()),
                            ServerVersion.get());
            app.start(settings.host(), settings.port());
            return new LightlyServer(settings, store, services, app, datasources);
        } catch (IOException | RuntimeException e) {
            if (services != null) {
                services.close();
            }
            if (datasources != null) {
                datasources.close();
            }
            store.close();
            throw new ServerStartException(describe(e, settings), e);
        }
    }

    /** The datasource key ({@code datasource.key}) and the local root are made on first start. */
    private static Datasources datasources(ServerSettings settings, SignedUrls urls)
            throws IOException {
        Path localRoot = settings.localRootOrDefault();
        Files.createDirectories(localRoot);
        return new Datasources(
                SecretBox.open(settings.dataDir()),
                new LocalRoot(localRoot),
                urls,
                settings.s3Timeout(),
                settings.readUrlTtl(),
                settings.writeUrlTtl(),
                settings.s3Endpoints() == null
                        ? EndpointPolicy.any()
                        : EndpointPolicy.publicOnly(settings.s3Endpoints()),
                uri(settings.s3Endpoint()),
                uri(settings.stsEndpoint()));
    }

    private static URI uri(String url) {
        return url == null ? null : URI.create(url);
    }

    private static Store openStore(ServerSettings settings) throws ServerStartException {
        try {
            DataDir.prepare(settings.dataDir());
            if (settings.database() == null) {
                DataDir.prepareDatabase(settings.sqliteFile());
            }
            return JdbiStore.open(settings.jdbcUrl(), settings.databasePassword());
        } catch (IOException | StoreException e) {
            throw new ServerStartException(
                    "cannot open the data folder " + settings.dataDir() + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Exception e, ServerSettings settings) {
        return "cannot start on " + settings.host() + ":" + settings.port() + ": " + e.getMessage();
    }

    /** The server's base URL, for example {@code http://127.0.0.1:8787}. */
    public String url() {
        if (settings.publicUrl() != null) {
            return settings.publicUrl();
        }
        String host = settings.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    /** The port it listens on (the chosen one when started with port 0). */
    public int port() {
        return app.port();
    }

    /** Every route it serves as {@code "METHOD /path/{param}"}, in the order registered. */
    public List<String> routes() {
        return app.routes();
    }

    /** {@code sqlite} or {@code postgresql}. */
    public String databaseVendor() {
        return store.vendor();
    }

    /**
     * A new token for a user (created if needed), for an in-process client. Only its hash is
     * stored; it stops working at {@link #close()}, or after 24 hours should the process die.
     */
    public synchronized String issueToken(String userName) {
        Tokens.Issued issued = services.tokens().issue(userName, TEMPORARY_TOKEN_TTL);
        temporaryTokens.add(issued.tokenId());
        return issued.token();
    }

    /** Finishes requests in flight, stops listening, revokes temporary tokens, closes the pool. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            app.stop();
        } finally {
            services.close();
            datasources.close();
            try {
                for (String id : temporaryTokens) {
                    store.users().revokeToken(id);
                }
            } catch (RuntimeException e) {
                // the database is down: the tokens expire on their own (24 h)
                LOG.warn("could not revoke the temporary tokens: {}", e.toString());
            }
            store.close();
            LOG.debug("server on port {} stopped", settings.port());
        }
    }
}
