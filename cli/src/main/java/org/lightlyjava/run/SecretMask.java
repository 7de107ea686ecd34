package org.lightlyjava.run;

import ch.qos.logback.core.Context;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets with {@code ***} in log output: the registered values (the token of the run)
 * and, whatever was registered, anything written as {@code token=...} (a URL's query) or {@code
 * "token": "..."} (JSON). The log layouts apply it to every message and stack trace.
 *
 * <p>One instance lives in each Logback context, because Logback creates the converters itself.
 */
final class SecretMask {

    static final String CONTEXT_KEY = "org.lightlyjava.run.SecretMask";
    static final String MASK = "***";

    private static final int MIN_LENGTH = 3;
    private static final Pattern QUERY = Pattern.compile("(?i)(\\btoken=)[^&\\s'\"]+");
    private static final Pattern JSON = Pattern.compile("(?i)(\"token\"\\s*:\\s*\")[^\"]*(\")");

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** The mask of a Logback context, created on first use. */
    static SecretMask of(Context context) {
        synchronized (context) {
            Object mask = context.getObject(CONTEXT_KEY);
            if (mask instanceof SecretMask m) {
                return m;
            }
            SecretMask created = new SecretMask();
            context.putObject(CONTEXT_KEY, created);
            return created;
        }
    }

    /** Masks {@code secret} from now on; values shorter than 3 characters are ignored. */
    void add(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            secrets.add(secret);
        }
    }

    void remove(String secret) {
        if (secret != null) {
            secrets.remove(secret);
        }
    }

    /** {@code text} with every secret replaced by {@code ***}. */
    String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (!secrets.isEmpty()) {
            for (String secret :
                    secrets.stream()
                            .sorted(Comparator.comparingInt(String::length).reversed())
                            .toList()) {
                out = out.replace(secret, MASK);
            }
        }
        out = QUERY.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return JSON.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$2");
    }
}
