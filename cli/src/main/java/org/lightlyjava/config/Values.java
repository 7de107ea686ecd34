package org.lightlyjava.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parsing and checking of values as written on the command line (Hydra/YAML style). */
final class Values {

    private Values() {}

    static boolean isNull(String value) {
        return value.equals("null") || value.equals("None") || value.equals("~");
    }

    /** Checks {@code value} against the key's type; throws a message that names the key. */
    static void check(KeySpec spec, String value) {
        String key = spec.name();
        switch (spec.type()) {
            case INT -> parseInt(key, value);
            case FLOAT -> parseDouble(key, value);
            case BOOL -> parseBool(key, value);
            case NUMBERS -> parseNumbers(key, value);
            case CHOICE -> {
                if (!spec.choices().contains(value)) {
                    throw new ConfigException(
                            key,
                            "invalid value '"
                                    + value
                                    + "' for "
                                    + key
                                    + ": expected one of "
                                    + String.join(", ", spec.choices()));
                }
            }
            case STRING, PATH, SECRET -> {
                // any text
            }
        }
    }

    static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    key, "invalid value '" + value + "' for " + key + ": expected an integer");
        }
    }

    static double parseDouble(String key, String value) {
        String v = value.trim();
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d)
                    || Double.isInfinite(d)
                    || v.endsWith("d")
                    || v.endsWith("f")
                    || v.endsWith("D")
                    || v.endsWith("F")) {
                throw new NumberFormatException(v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    key, "invalid value '" + value + "' for " + key + ": expected a number");
        }
    }

    static boolean parseBool(String key, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default ->
                    throw new ConfigException(
                            key,
                            "invalid value '"
                                    + value
                                    + "' for "
                                    + key
                                    + ": expected True or False");
        };
    }

    static List<Double> parseNumbers(String key, String value) {
        String v = value.trim();
        if (isNull(v) || v.isEmpty()) {
            return List.of();
        }
        if (v.startsWith("[") || v.startsWith("(")) {
            if (!(v.endsWith("]") || v.endsWith(")"))) {
                throw new ConfigException(
                        key,
                        "invalid value '"
                                + value
                                + "' for "
                                + key
                                + ": a list must look like [a,b]");
            }
            List<Double> out = new ArrayList<>();
            String inner = v.substring(1, v.length() - 1).trim();
            if (!inner.isEmpty()) {
                for (String part : inner.split(",")) {
                    out.add(parseDouble(key, part));
                }
            }
            return List.copyOf(out);
        }
        return List.of(parseDouble(key, v));
    }

    static String expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }
}
