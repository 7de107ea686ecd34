package org.lightlyjava.run;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import org.lightlyjava.config.ConfigException;

/** Python's {@code strftime} for the directives Hydra's {@code ${now:...}} patterns use. */
final class Strftime {

    private Strftime() {}

    static String format(String format, ZonedDateTime t) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
            } else if (i + 1 < format.length()) {
                out.append(directive(format.charAt(++i), t));
            } else {
                throw bad("a lone '%' at the end of " + format);
            }
        }
        return out.toString();
    }

    private static String directive(char d, ZonedDateTime t) {
        return switch (d) {
            case 'Y' -> String.format(Locale.ROOT, "%04d", t.getYear());
            case 'y' -> two(t.getYear() % 100);
            case 'm' -> two(t.getMonthValue());
            case 'd' -> two(t.getDayOfMonth());
            case 'H' -> two(t.getHour());
            case 'I' -> two((t.getHour() + 11) % 12 + 1);
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'M' -> two(t.getMinute());
            case 'S' -> two(t.getSecond());
            case 'f' -> String.format(Locale.ROOT, "%06d", t.getNano() / 1000);
            case 'j' -> String.format(Locale.ROOT, "%03d", t.getDayOfYear());
            case 'b' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'Z' -> DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(t);
            case 's' -> Long.toString(t.toEpochSecond());
            case '%' -> "%";
            default -> throw bad("unsupported directive %" + d);
        };
    }

    private static String two(int value) {
        return String.format(Locale.ROOT, "%02d", value);
    }

    private static ConfigException bad(String what) {
        return new ConfigException(RunFolder.KEY, "invalid ${now:...} in hydra.run.dir: " + what);
    }
}
