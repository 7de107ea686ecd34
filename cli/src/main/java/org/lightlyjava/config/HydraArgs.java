package org.lightlyjava.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns Hydra-style command-line words into a {@link Config}.
 *
 * <p>Each word is {@code key=value}; nested keys use dots ({@code trainer.max_epochs=10}). Hydra's
 * {@code +key=value} and {@code ++key=value} are accepted for known keys (Hydra would refuse {@code
 * +} on an existing key; the key set here is fixed, so both simply set the key). Values may be
 * quoted ({@code 'a b'}, {@code "x"}); lists are written {@code [0.1,2.0]}. Later words win. When
 * no token or server location is given, {@code LIGHTLY_TOKEN} and {@code LIGHTLY_SERVER_LOCATION}
 * from the environment fill them.
 *
 * <p>Every error is a {@link ConfigException} that names the key.
 */
public final class HydraArgs {

    /** Fills {@code token} when the command line leaves it empty. */
    public static final String ENV_TOKEN = "LIGHTLY_TOKEN";

    /** Fills {@code server_location} when the command line leaves it empty. */
    public static final String ENV_SERVER_LOCATION = "LIGHTLY_SERVER_LOCATION";

    private HydraArgs() {}

    /**
     * Parses and applies {@code words} over the defaults; see {@link #parse} and {@link #apply}.
     */
    public static Config resolve(Path workingDir, List<String> words, Map<String, String> env) {
        return apply(Config.defaults(workingDir), parse(words), env);
    }

    /**
     * Checks the syntax of every word and that its key exists.
     *
     * @throws ConfigException for a word without {@code =}, an empty or unknown key
     */
    public static List<Assignment> parse(List<String> words) {
        List<Assignment> out = new ArrayList<>();
        for (String word : words) {
            out.add(parseWord(word));
        }
        return List.copyOf(out);
    }

    /**
     * Applies the assignments in order over {@code base}, then fills unset keys from {@code env}.
     *
     * @throws ConfigException when a value does not fit its key
     */
    public static Config apply(Config base, List<Assignment> assignments, Map<String, String> env) {
        Config config = base;
        for (Assignment a : assignments) {
            config = config.with(a.key(), a.value());
        }
        config = fillFromEnv(config, "token", env.get(ENV_TOKEN));
        return fillFromEnv(config, "server_location", env.get(ENV_SERVER_LOCATION));
    }

    static Assignment parseWord(String word) {
        if (word.startsWith("~")) {
            throw new ConfigException(
                    word,
                    "'"
                            + word
                            + "': deleting keys with '~' is not supported;"
                            + " set the key to a value instead");
        }
        String prefix = word.startsWith("++") ? "++" : word.startsWith("+") ? "+" : "";
        String rest = word.substring(prefix.length());
        int eq = rest.indexOf('=');
        if (eq < 0) {
            throw new ConfigException(word, noEquals(word));
        }
        String key = rest.substring(0, eq).trim();
        if (key.isEmpty()) {
            throw new ConfigException(word, "'" + word + "' has no key before '='");
        }
        if (Keys.find(key).isEmpty()) {
            String hint =
                    prefix.isEmpty()
                            ? ""
                            : " ('"
                                    + prefix
                                    + "' cannot add keys: the tools"
                                    + " read only the keys that --help lists)";
            throw new ConfigException(key, DidYouMean.unknownKey(key) + hint);
        }
        return new Assignment(prefix, key, unquote(rest.substring(eq + 1)));
    }

    /** Removes surrounding quotes and Hydra's backslash escapes; trims unquoted values. */
    static String unquote(String raw) {
        String v = raw.strip();
        if (v.length() >= 2) {
            char q = v.charAt(0);
            if ((q == '\'' || q == '"') && v.charAt(v.length() - 1) == q) {
                return unescape(v.substring(1, v.length() - 1), "\\" + q);
            }
        }
        return unescape(v, "\\()[]{}:=, \t'\"");
    }

    private static String unescape(String text, String escapable) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && escapable.indexOf(text.charAt(i + 1)) >= 0) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String noEquals(String word) {
        if (Keys.find(word).isPresent()) {
            return "'" + word + "' has no value: write " + word + "=<value>";
        }
        if (word.contains("/") || word.startsWith(".")) {
            return "'"
                    + word
                    + "' is not a key=value setting; for an input folder write input_dir="
                    + word;
        }
        return "'" + word + "' is not a key=value setting (for example trainer.max_epochs=10)";
    }

    private static Config fillFromEnv(Config config, String key, String value) {
        if (config.isSet(key) || value == null || value.isBlank()) {
            return config;
        }
        return config.with(key, value.strip());
    }
}
