package org.lightlyjava.api.embeddings;

/** An embeddings CSV breaks one of Lightly's rules; the message names the file and line. */
public final class InvalidEmbeddingsException extends RuntimeException {

    public InvalidEmbeddingsException(String message) {
        super(message);
    }
}
