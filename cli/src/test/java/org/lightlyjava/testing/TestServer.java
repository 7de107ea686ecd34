package org.lightlyjava.testing;

import java.net.URI;
import java.nio.file.Path;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.client.RetryPolicy;
import org.lightlyjava.server.LightlyServer;
import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.ServerStartException;

/** A real lightly-server on a loopback port over a temp folder, and a client for one user. */
public final class TestServer implements AutoCloseable {

    public final LightlyServer server;
    public final String token;

    private TestServer(LightlyServer server, String token) {
        this.server = server;
        this.token = token;
    }

    public static TestServer start(Path dataDir) {
        return start(dataDir, null);
    }

    /**
     * @param publicUrl where clients reach it (a proxy in front), or null
     */
    public static TestServer start(Path dataDir, String publicUrl) {
        return start(dataDir, publicUrl, null);
    }

    /**
     * @param publicUrl where clients reach it (a proxy in front), or null
     * @param database a JDBC URL (PostgreSQL), or null for SQLite in {@code dataDir}
     */
    public static TestServer start(Path dataDir, String publicUrl, String database) {
        try {
            LightlyServer server =
                    LightlyServer.start(
                            ServerSettings.builder()
                                    .dataDir(dataDir)
                                    .host("127.0.0.1")
                                    .port(0)
                                    .publicUrl(publicUrl)
                                    .database(database)
                                    .build());
            return new TestServer(server, server.issueToken("alice"));
        } catch (ServerStartException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's own address (not the public URL). */
    public URI direct() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public LightlyClient client() {
        return new LightlyClient(direct(), token, RetryPolicy.LIGHTLY, "test");
    }

    @Override
    public void close() {
        server.close();
    }
}
