package org.lightlyjava.weights;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.lightlyjava.config.Config;

/**
 * Where downloads come from and go to, resolved once from the configuration and environment.
 *
 * @param zooUrl base URL of the model zoo, ending in {@code /}
 * @param cacheDir lightly-java's cache of downloaded checkpoints (written)
 * @param torchHubDir PyTorch's hub cache, where Lightly's tools put the same files (read only)
 * @param offline never download; use only what the caches hold
 * @param attempts tries per download
 * @param stallTimeout how long a download may receive nothing before it is retried
 * @param backoff the wait after a failed try, doubled after each further one
 */
public record WeightSettings(
        URI zooUrl,
        Path cacheDir,
        Path torchHubDir,
        boolean offline,
        int attempts,
        Duration stallTimeout,
        Duration backoff) {

    /** Environment variable for the zoo's base URL (a mirror); the key {@code zoo_url} wins. */
    public static final String ENV_ZOO_URL = "LIGHTLY_ZOO_URL";

    /** Environment variable for the download cache; default {@code ~/.cache/lightly-java}. */
    public static final String ENV_CACHE_DIR = "LIGHTLY_CACHE_DIR";

    /** Environment variable that forbids downloads: {@code 1}/{@code true}. */
    public static final String ENV_OFFLINE = "LIGHTLY_OFFLINE";

    /**
     * System property with the same meaning when the environment does not say; the test build sets
     * it, so no test reaches the internet by accident.
     */
    public static final String PROPERTY_OFFLINE = "lightly.offline";

    public WeightSettings {
        String url = zooUrl.toString();
        if (!url.endsWith("/")) {
            zooUrl = URI.create(url + "/");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be positive: " + attempts);
        }
    }

    /**
     * From {@code zoo_url}, then the environment: {@value #ENV_ZOO_URL}, {@value #ENV_CACHE_DIR},
     * {@value #ENV_OFFLINE}, PyTorch's {@code TORCH_HOME} and {@code XDG_CACHE_HOME}.
     */
    public static WeightSettings from(Config config, Map<String, String> env) {
        String zoo = config.isSet("zoo_url") ? config.string("zoo_url") : env.get(ENV_ZOO_URL);
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        Path xdg =
                present(env.get("XDG_CACHE_HOME"))
                        ? Path.of(env.get("XDG_CACHE_HOME"))
                        : home.resolve(".cache");
        Path cache =
                present(env.get(ENV_CACHE_DIR))
                        ? Path.of(env.get(ENV_CACHE_DIR))
                        : xdg.resolve("lightly-java");
        // torch.hub.get_dir(): $TORCH_HOME/hub, TORCH_HOME defaulting to $XDG_CACHE_HOME/torch
        Path torch =
                present(env.get("TORCH_HOME"))
                        ? Path.of(env.get("TORCH_HOME"))
                        : xdg.resolve("torch");
        return new WeightSettings(
                URI.create(present(zoo) ? zoo.strip() : ModelZoo.LIGHTLY_URL),
                cache.resolve("checkpoints"),
                torch.resolve("hub").resolve("checkpoints"),
                offline(env),
                Integer.getInteger("lightly.download.attempts", 4),
                Duration.ofSeconds(Long.getLong("lightly.download.stall.seconds", 60)),
                Duration.ofMillis(Long.getLong("lightly.download.backoff.ms", 1000)));
    }

    private static boolean offline(Map<String, String> env) {
        String value = env.get(ENV_OFFLINE);
        if (!present(value)) {
            value = System.getProperty(PROPERTY_OFFLINE, "");
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            default -> false;
        };
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
