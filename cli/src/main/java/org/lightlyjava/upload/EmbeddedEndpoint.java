package org.lightlyjava.upload;

import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;

/** lightly-server, started in this process over the local data folder. */
final class EmbeddedEndpoint {

    private EmbeddedEndpoint() {}

    static ApiEndpoint start() {
        throw new ToolException(ExitCode.CONFIG, "the embedded server is not wired up yet");
    }
}
