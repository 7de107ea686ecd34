package org.lightlyjava.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.lightlyjava.server.ServerSettings;
import org.opentest4j.TestAbortedException;

/** One real server per test class (tests use datasets of their own), users alice and bob. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerTestBase {

    private static final AtomicInteger NAMES = new AtomicInteger();

    protected Path dataDir;
    protected TestServer server;
    protected Api alice;
    protected Api bob;
    protected Api anonymous;

    /** Changes the settings of this class's server. */
    protected ServerSettings.Builder settings(ServerSettings.Builder builder) {
        return builder;
    }

    /** Why this class's server did not start (an unmet assumption), reported on every test. */
    private TestAbortedException skipped;

    @BeforeAll
    void startServer() throws IOException {
        dataDir = Files.createTempDirectory("lightly-server-test");
        try {
            server = TestServer.start(dataDir, this::settings);
        } catch (TestAbortedException e) {
            skipped = e;
            return;
        }
        alice = server.alice;
        bob = server.bob;
        anonymous = server.anonymous;
    }

    @BeforeEach
    void skipWithoutServer() {
        if (skipped != null) {
            throw skipped;
        }
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        TempFiles.deleteRecursively(dataDir);
    }

    /** A new dataset of alice's with a unique name. */
    protected String newDataset() {
        return Fixtures.dataset(alice, "set " + NAMES.incrementAndGet());
    }
}
