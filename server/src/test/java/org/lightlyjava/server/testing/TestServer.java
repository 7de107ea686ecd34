package org.lightlyjava.server.testing;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.lightlyjava.server.LightlyServer;
import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.ServerStartException;

/** A real server on a free loopback port over a temporary data folder, with two users. */
public final class TestServer implements AutoCloseable {

    private final LightlyServer server;
    private final Path dataDir;
    public final Api alice;
    public final Api bob;
    public final Api anonymous;

    private TestServer(LightlyServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
        this.alice = new Api(server.url(), server.issueToken("alice"));
        this.bob = new Api(server.url(), server.issueToken("bob"));
        this.anonymous = new Api(server.url(), null);
    }

    public static TestServer start(Path dataDir) {
        return start(dataDir, UnaryOperator.identity());
    }

    /** With settings changed by {@code tweak} (limits, clock, database). */
    public static TestServer start(Path dataDir, UnaryOperator<ServerSettings.Builder> tweak) {
        ServerSettings settings =
                tweak.apply(ServerSettings.builder().dataDir(dataDir).port(0)).build();
        try {
            return new TestServer(LightlyServer.start(settings), dataDir);
        } catch (ServerStartException e) {
            throw new AssertionError(e);
        }
    }

    public LightlyServer server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.close();
    }
}
