package org.lightlyjava.config;

/**
 * One {@code key=value} word of a command line, Hydra style: {@code trainer.max_epochs=10}, also
 * written {@code +key=value} or {@code ++key=value}.
 *
 * <p>{@link #toString()} masks secret values, so an assignment can be logged or written to the run
 * folder as is.
 *
 * @param prefix {@code ""}, {@code "+"} or {@code "++"} as the user wrote it
 * @param key a key of {@link Keys}
 * @param value the value with quotes and escapes removed
 */
public record Assignment(String prefix, String key, String value) {

    /** The word as Hydra's {@code overrides.yaml} records it, with secret values as {@code ***}. */
    public String masked() {
        boolean secret = Keys.find(key).map(KeySpec::isSecret).orElse(false);
        return prefix + key + "=" + (secret && !value.isEmpty() ? "***" : value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
