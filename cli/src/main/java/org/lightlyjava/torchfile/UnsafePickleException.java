package org.lightlyjava.torchfile;

/**
 * A checkpoint whose pickle names a class that is neither a tensor nor a plain container: loading
 * it in Python would run that code. It is refused before anything is built from it.
 */
public final class UnsafePickleException extends TorchFileException {

    private static final long serialVersionUID = 1L;

    private final String className;

    UnsafePickleException(String className, String what) {
        super(
                "the pickle "
                        + what
                        + " "
                        + className
                        + ", which is neither a tensor nor a plain container; lightly-java never"
                        + " runs code from a checkpoint, so the file is refused");
        this.className = className;
    }

    /** The Python class or function the pickle named, as {@code module.name}. */
    public String className() {
        return className;
    }
}
