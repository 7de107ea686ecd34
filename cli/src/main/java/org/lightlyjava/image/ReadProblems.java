package org.lightlyjava.image;

import java.io.EOFException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what goes wrong inside an ImageIO reader into the reason a {@link DecodeException} gives,
 * and catches truncated files that readers only warn about.
 */
final class ReadProblems {

    private static final Logger LOG = LoggerFactory.getLogger(ReadProblems.class);

    private ReadProblems() {}

    /**
     * Listens to one read. The JPEG readers only warn about a truncated file ("Premature end of
     * JPEG file" from the JDK, "Truncated File - Missing EOI marker" from TwelveMonkeys) and return
     * the missing part grey; Pillow fails with "image file is truncated", and so do we. Other
     * warnings (a missing colour profile, a few corrupt bytes) are only logged.
     */
    static final class Warnings implements IIOReadWarningListener {

        private static final List<String> TRUNCATION =
                List.of("truncat", "premature end of jpeg file", "missing eoi");

        private final List<String> truncation = new ArrayList<>();

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            String lower = warning.toLowerCase(Locale.ROOT);
            if (TRUNCATION.stream().anyMatch(lower::contains)) {
                truncation.add(warning);
            } else {
                LOG.debug("Decoder warning: {}", warning);
            }
        }

        /** Fails if a warning said the file is truncated. */
        void check(String format) throws DecodeException {
            if (!truncation.isEmpty()) {
                throw new DecodeException(
                        "image file is truncated (" + format + ": " + truncation.get(0) + ")");
            }
        }
    }

    /** The reason to report for an exception a reader threw. */
    static String reason(String format, Throwable failure) {
        String messages = messages(failure);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return "image file is truncated (" + format + ": " + messages + ")";
            }
        }
        return "cannot decode " + format + ": " + messages;
    }

    /** The messages of an exception and its causes; class names where there is no message. */
    static String messages(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < 4; t = t.getCause()) {
            String message = t.getMessage();
            // A runtime exception's message alone ("Index 5 out of bounds") says too little.
            boolean named = message == null || message.isBlank() || t instanceof RuntimeException;
            String part = named ? t.getClass().getSimpleName() : message;
            if (named && message != null && !message.isBlank()) {
                part += " " + message;
            }
            if (!parts.contains(part)) {
                parts.add(part);
            }
        }
        return String.join(": ", parts);
    }
}
