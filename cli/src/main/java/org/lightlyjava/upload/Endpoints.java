package org.lightlyjava.upload;

import java.net.URI;
import java.net.URISyntaxException;
import org.lightlyjava.config.Config;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;

/**
 * Picks the API an upload talks to: {@code server_location} (or {@code LIGHTLY_SERVER_LOCATION})
 * with {@code token}, or, when no server is given, lightly-server started in this process over the
 * local data folder. One code path either way: the upload speaks HTTP to the API.
 */
public final class Endpoints {

    private Endpoints() {}

    public static ApiEndpoint open(Config config) {
        if (!config.isSet("server_location")) {
            return EmbeddedEndpoint.start();
        }
        String location = config.string("server_location");
        URI url;
        try {
            url = new URI(location);
        } catch (URISyntaxException e) {
            throw new ToolException(
                    ExitCode.CONFIG, "server_location=" + location + " is not a URL");
        }
        if (url.getScheme() == null || !url.getScheme().startsWith("http")) {
            throw new ToolException(
                    ExitCode.CONFIG,
                    "server_location=" + location + " must start with http:// or https://");
        }
        if (!config.isSet("token")) {
            throw new ToolException(
                    ExitCode.CONFIG,
                    "Please specify your access token: token=... or "
                            + "the environment variable LIGHTLY_TOKEN (server_location="
                            + location
                            + ").");
        }
        return new ApiEndpoint.Remote(url, config.string("token"));
    }
}
