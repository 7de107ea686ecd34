package org.lightlyjava.server;

import java.util.concurrent.Callable;
import org.lightlyjava.server.service.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lightly-server browse}: serves a data folder (by default the one the tools upload into
 * without a server location) and prints one link that signs the browser in. The link carries a
 * token in its fragment, which browsers never send to a server; the page trades it for a session
 * cookie and removes it from the address. The token is revoked when the command stops, which also
 * ends the sessions opened with it.
 */
@Command(
        name = "browse",
        description =
                "Serve the data folder and print a link that signs the browser in as --user; the"
                        + " link and its sessions work until this command stops (Ctrl-C).",
        mixinStandardHelpOptions = true)
final class BrowseCommand implements Callable<Integer> {

    /** The user the tools upload as when they start the server themselves. */
    static final String LOCAL_USER = "local";

    @Mixin StoreOptions store = new StoreOptions();

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = ServerSettings.DEFAULT_PORT;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            description =
                    "URL the browser reaches the server at, for the link (default: http://HOST:PORT).")
    String publicUrl;

    @Option(
            names = "--user",
            paramLabel = "NAME",
            description =
                    "User to sign in as (default: ${DEFAULT-VALUE}, the tools' user without a"
                            + " server location).")
    String user = LOCAL_USER;

    private final CommandEnv env;

    BrowseCommand(CommandEnv env) {
        this.env = env;
    }

    @Override
    public Integer call() throws CommandFailure, InterruptedException {
        if (!Names.isUser(user)) {
            throw new CommandFailure(
                    ExitCode.USAGE,
                    "user names are a letter or digit, then up to 63 letters, digits or ._@-");
        }
        ServerSettings settings = settings();
        try (LightlyServer server = ServeCommand.start(settings)) {
            String secret = server.issueToken(user);
            env.err()
                    .println(
                            "lightly-server "
                                    + ServerVersion.get()
                                    + " serving "
                                    + settings.dataDir()
                                    + " (database: "
                                    + server.databaseVendor()
                                    + ") at "
                                    + server.url()
                                    + ". Open this link to browse as '"
                                    + user
                                    + "'; it works until you stop this command (Ctrl-C):");
            env.err().flush();
            env.out().println(link(server.url(), secret));
            env.out().flush();
            env.stop().awaitStop();
            env.err().println("lightly-server stopping; the link no longer works");
            env.err().flush();
        } finally {
            env.stop().markStopped();
        }
        return ExitCode.OK.code();
    }

    /** The page's address with the secret in the fragment, which never reaches a server. */
    static String link(String url, String secret) {
        return url + "/#signin=" + secret;
    }

    private ServerSettings settings() throws CommandFailure {
        try {
            return ServerSettings.builder()
                    .dataDir(store.dataDir(env.env()))
                    .database(store.database)
                    .databasePassword(store.password(env.env()))
                    .host(host)
                    .port(port)
                    .publicUrl(publicUrl)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage());
        }
    }
}
