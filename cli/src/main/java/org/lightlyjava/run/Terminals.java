package org.lightlyjava.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether stderr is a terminal, which decides between a progress bar and progress log lines. */
public final class Terminals {

    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private Terminals() {}

    /**
     * True when stderr is a terminal. On Linux {@code /proc/self/fd/2} points at {@code /dev/pts/N}
     * or {@code /dev/ttyN} then; elsewhere the answer is whether a console exists.
     */
    public static boolean stderrIsTerminal() {
        try {
            return isTerminalDevice(Files.readSymbolicLink(STDERR_LINK).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** Whether the target of a file-descriptor link names a terminal device. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    }
}
