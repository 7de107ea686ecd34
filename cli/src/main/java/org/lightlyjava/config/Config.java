package org.lightlyjava.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved configuration of one run: every key of {@link Keys} with its value as text, checked
 * against the key's type. Immutable; {@link #with} returns a changed copy.
 *
 * <p>Paths resolve against the directory the user ran from ({@link #workingDir()}), as Lightly's
 * {@code to_absolute_path} does, not against the run folder.
 */
public final class Config {

    private final Map<String, String> values;
    private final Path workingDir;

    private Config(Map<String, String> values, Path workingDir) {
        this.values = values;
        this.workingDir = workingDir;
    }

    /** Lightly's defaults, with relative paths resolving against {@code workingDir}. */
    public static Config defaults(Path workingDir) {
        Map<String, String> values = new LinkedHashMap<>();
        for (KeySpec spec : Keys.all()) {
            values.put(spec.name(), spec.defaultValue());
        }
        return new Config(
                Collections.unmodifiableMap(values), workingDir.toAbsolutePath().normalize());
    }

    /**
     * A copy with {@code key} set to {@code value}.
     *
     * @throws ConfigException when the key is unknown or the value does not fit its type
     */
    public Config with(String key, String value) {
        KeySpec spec =
                Keys.find(key)
                        .orElseThrow(() -> new ConfigException(key, DidYouMean.unknownKey(key)));
        Values.check(spec, value);
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new Config(Collections.unmodifiableMap(copy), workingDir);
    }

    /** The directory the user ran the tool from. */
    public Path workingDir() {
        return workingDir;
    }

    /** The value as written; {@code ""} when empty. Secrets are returned unmasked. */
    public String string(String key) {
        String value = raw(key);
        return Values.isNull(value) ? "" : value;
    }

    /** Whether the key has a value other than empty or {@code null}. */
    public boolean isSet(String key) {
        String value = raw(key);
        return !value.isEmpty() && !Values.isNull(value);
    }

    /** Whether the key still has its default value (the user did not set it). */
    public boolean isDefault(String key) {
        return raw(key).equals(Keys.find(key).orElseThrow().defaultValue());
    }

    public int integer(String key) {
        return Values.parseInt(key, raw(key));
    }

    public double number(String key) {
        return Values.parseDouble(key, raw(key));
    }

    public boolean bool(String key) {
        return Values.parseBool(key, raw(key));
    }

    /** A {@link KeyType#NUMBERS} value: empty for {@code null}, one element, or the list. */
    public List<Double> numbers(String key) {
        return Values.parseNumbers(key, raw(key));
    }

    /**
     * A path resolved against {@link #workingDir()}, or {@code null} when the key is empty. A value
     * with a URI scheme such as {@code s3://} is not a local path: read it with {@link #string}.
     */
    public Path path(String key) {
        if (!isSet(key)) {
            return null;
        }
        return workingDir.resolve(Values.expandHome(raw(key))).normalize();
    }

    /** Every key and value in help order, secrets replaced by {@code ***} when set. */
    public Map<String, String> masked() {
        Map<String, String> out = new LinkedHashMap<>();
        for (KeySpec spec : Keys.all()) {
            String value = values.get(spec.name());
            out.put(spec.name(), spec.isSecret() && !value.isEmpty() ? "***" : value);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The keys whose value differs from the default, as {@code key=value}, secrets masked. */
    public List<String> overrides() {
        List<String> out = new ArrayList<>();
        Map<String, String> masked = masked();
        for (KeySpec spec : Keys.all()) {
            String value = values.get(spec.name());
            if (!value.equals(spec.defaultValue())) {
                out.add(spec.name() + "=" + masked.get(spec.name()));
            }
        }
        return out;
    }

    private String raw(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no such key: " + key);
        }
        return value;
    }

    @Override
    public String toString() {
        return "Config" + overrides();
    }
}
