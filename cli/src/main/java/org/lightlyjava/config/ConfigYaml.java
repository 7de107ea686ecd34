package org.lightlyjava.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Writes a {@link Config} as Hydra does: nested YAML ({@code trainer: {max_epochs: 10}}) with typed
 * values, for {@code --cfg job} and the run folder's {@code .hydra/config.yaml}. Secret values are
 * always written as {@code ***}.
 */
public final class ConfigYaml {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final YAMLMapper YAML =
            new YAMLMapper(
                    YAMLFactory.builder()
                            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                            .build());

    private ConfigYaml() {}

    /** Every key of {@code config}, secrets masked. */
    public static String write(Config config) {
        return write(config, key -> true);
    }

    /** The keys accepted by {@code keys}, nested by their dots, secrets masked. */
    public static String write(Config config, Predicate<String> keys) {
        Map<String, Object> root = new LinkedHashMap<>();
        config.masked()
                .forEach(
                        (key, value) -> {
                            if (keys.test(key)) {
                                put(root, key, typed(Keys.find(key).orElseThrow(), value));
                            }
                        });
        return dump(root);
    }

    /**
     * A YAML list of {@code key=value} words, as Hydra's {@code overrides.yaml}, secrets masked.
     */
    public static String overrides(List<Assignment> assignments) {
        return dump(assignments.stream().map(Assignment::masked).toList());
    }

    private static String dump(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String key, Object value) {
        String[] parts = key.split("\\.");
        Map<String, Object> node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
        }
        node.put(parts[parts.length - 1], value);
    }

    /** The value as YAML would type it: numbers, booleans, lists, null, or text. */
    static Object typed(KeySpec spec, String value) {
        if (Values.isNull(value.trim()) && spec.type() != KeyType.SECRET) {
            return null;
        }
        return switch (spec.type()) {
            case INT -> Long.parseLong(value.trim());
            case FLOAT -> Values.parseDouble(spec.name(), value);
            case BOOL -> Values.parseBool(spec.name(), value);
            case NUMBERS -> numbers(spec, value);
            case CHOICE -> INTEGER.matcher(value).matches() ? Long.parseLong(value) : value;
            case STRING, PATH, SECRET -> value;
        };
    }

    private static Object numbers(KeySpec spec, String value) {
        String v = value.trim();
        List<Object> out = new ArrayList<>();
        for (Double d : Values.parseNumbers(spec.name(), v)) {
            out.add(d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) d.longValue() : d);
        }
        boolean list = v.startsWith("[") || v.startsWith("(");
        return list ? out : out.get(0);
    }
}
