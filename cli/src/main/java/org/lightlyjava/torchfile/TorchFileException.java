package org.lightlyjava.torchfile;

import java.io.IOException;

/** A file that is not a readable PyTorch checkpoint: malformed, truncated, or corrupt. */
public class TorchFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public TorchFileException(String message) {
        super(message);
    }

    public TorchFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
