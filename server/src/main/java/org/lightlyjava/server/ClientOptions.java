package org.lightlyjava.server;

import java.net.URI;
import java.time.Duration;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.client.RetryPolicy;
import picocli.CommandLine.Option;

/**
 * {@code --url}, {@code --token} and {@code --dataset} of the commands that talk HTTP to a server
 * (this one or any other speaking Lightly's API).
 */
final class ClientOptions {

    static final String URL_ENV = "LIGHTLY_SERVER_LOCATION";
    static final String TOKEN_ENV = "LIGHTLY_TOKEN";

    /** Two tries: a person waits at the terminal. */
    private static final RetryPolicy RETRY =
            new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(2));

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "The server (default: $" + URL_ENV + ", else http://127.0.0.1:8787).")
    String url;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "API token (default: $" + TOKEN_ENV + ").")
    String token;

    @Option(names = "--dataset", required = true, paramLabel = "ID", description = "Dataset id.")
    String dataset;

    LightlyClient client(CommandEnv env) throws CommandFailure {
        String base = url != null ? url : env.env().getOrDefault(URL_ENV, "http://127.0.0.1:8787");
        String key = token != null ? token : env.env().get(TOKEN_ENV);
        if (key == null || key.isBlank()) {
            throw new CommandFailure(
                    ExitCode.USAGE, "a token is needed: --token TOKEN or $" + TOKEN_ENV);
        }
        URI uri;
        try {
            uri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, "--url is not a URL: " + base);
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
            throw new CommandFailure(ExitCode.USAGE, "--url must be an http(s) URL: " + base);
        }
        return new LightlyClient(uri, key, RETRY, "lightly-server/" + ServerVersion.get());
    }
}
