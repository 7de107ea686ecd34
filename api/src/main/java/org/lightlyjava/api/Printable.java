package org.lightlyjava.api;

/**
 * Text from outside (file names, paths, server answers) made safe to print on one line: control
 * characters, line separators and bidirectional overrides become escapes ({@code \n}, {@code \r},
 * {@code \t}, {@code \e}, {@code \u202e}), so a file named {@code "a\nERROR forged"} cannot start a
 * log line of its own or move the cursor. The log layouts apply it to every argument of a message;
 * messages built into exceptions call {@link #name} on what they quote.
 */
public final class Printable {

    private Printable() {}

    /** {@code text} with every control character escaped, newlines included. */
    public static String name(Object text) {
        return escape(String.valueOf(text), false);
    }

    /**
     * Log arguments made printable with {@link #name}; numbers, arrays and a throwable (which a
     * logger prints as a stack trace) are kept as they are.
     */
    public static Object[] arguments(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            Object arg = out[i];
            if (arg != null
                    && !(arg instanceof Number)
                    && !(arg instanceof Throwable)
                    && !arg.getClass().isArray()) {
                out[i] = name(arg);
            }
        }
        return out;
    }

    /**
     * {@code text} with every control character escaped except newlines and tabs: for messages
     * whose own line breaks are meant, while a carriage return or terminal escape is not.
     */
    public static String text(String text) {
        return text == null ? null : escape(text, true);
    }

    private static String escape(String text, boolean keepLines) {
        int first = firstUnsafe(text, keepLines);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c, keepLines)) {
                out.append(c);
            } else {
                out.append(escaped(c));
            }
        }
        return out.toString();
    }

    private static int firstUnsafe(String text, boolean keepLines) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i), keepLines)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unsafe(char c, boolean keepLines) {
        if (keepLines && (c == '\n' || c == '\t')) {
            return false;
        }
        return Character.isISOControl(c)
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }

    private static String escaped(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\u001b' -> "\\e";
            default ->
                    c < 0x100
                            ? String.format("\\x%02x", (int) c)
                            : String.format("\\u%04x", (int) c);
        };
    }
}
