package org.lightlyjava.upload;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.server.LightlyServer;
import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.ServerStartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * lightly-server, started in this process on a loopback port over the local data folder ({@code
 * $LIGHTLY_DATA_DIR}, default {@code ~/.lightly-java}), for uploads without a server location. The
 * CLI speaks HTTP to it like to any other server, with a token that lives only as long as this
 * process; the data stays, to be browsed later with {@code lightly-server browse}.
 */
final class EmbeddedEndpoint implements ApiEndpoint {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEndpoint.class);
    static final String USER = "local";

    private final LightlyServer server;
    private final Path dataDir;
    private final String token;

    private EmbeddedEndpoint(LightlyServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
        this.token = server.issueToken(USER);
    }

    static ApiEndpoint start() {
        Path dataDir = ServerSettings.defaultDataDir(System.getenv());
        try {
            LightlyServer server =
                    LightlyServer.start(
                            ServerSettings.builder()
                                    .dataDir(dataDir)
                                    .host("127.0.0.1")
                                    .port(0)
                                    .build());
            log.info(
                    "No server_location given: started lightly-server in this process at {} over {}",
                    server.url(),
                    dataDir);
            return new EmbeddedEndpoint(server, dataDir);
        } catch (ServerStartException e) {
            throw new ToolException(
                    ExitCode.CONFIG,
                    "cannot start the embedded lightly-server over "
                            + dataDir
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public URI url() {
        return URI.create(server.url());
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public String browseHint() {
        return browseHint(dataDir, ServerSettings.defaultDataDir(Map.of()));
    }

    /**
     * The one command that serves the data folder and prints a sign-in link; {@code --data-dir}
     * only when the folder is not the default (quoted for a POSIX shell when needed).
     */
    static String browseHint(Path dataDir, Path defaultDir) {
        String dir =
                dataDir.equals(defaultDir) ? "" : " --data-dir " + shellWord(dataDir.toString());
        return "The data is in "
                + dataDir
                + ". To browse it, run: lightly-server browse"
                + dir
                + " (it prints a link that signs you in)";
    }

    private static String shellWord(String text) {
        if (text.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() {
        server.close();
    }
}
