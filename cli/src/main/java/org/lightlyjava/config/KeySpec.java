package org.lightlyjava.config;

import java.util.List;

/**
 * One configuration key: its dotted name, Lightly's default (as written on the command line), its
 * type and what it means.
 *
 * @param name dotted key, for example {@code trainer.max_epochs}
 * @param defaultValue the default as text; {@code "null"} for none, {@code ""} for empty
 * @param type how the value is parsed and checked
 * @param choices allowed values for {@link KeyType#CHOICE}, else empty
 * @param description one line for {@code --help}
 */
public record KeySpec(
        String name, String defaultValue, KeyType type, List<String> choices, String description) {

    public KeySpec {
        choices = List.copyOf(choices);
    }

    /**
     * The group a key is listed under in help: the part before the first dot, or "" for top-level.
     */
    public String group() {
        int dot = name.indexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    public boolean isSecret() {
        return type == KeyType.SECRET;
    }
}
