package org.lightlyjava.config;

/** A key or value the user gave is wrong; the message names the key. Maps to exit code 2. */
public final class ConfigException extends RuntimeException {

    private final String key;

    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The offending key, as the user wrote it. */
    public String key() {
        return key;
    }
}
