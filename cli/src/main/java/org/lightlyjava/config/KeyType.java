package org.lightlyjava.config;

/** How the value of a configuration key is written and checked. */
public enum KeyType {
    /** Any text; empty allowed. */
    STRING,
    /** A file or folder; relative values resolve against the directory the user ran from. */
    PATH,
    /** Text that must never be written to logs, outputs or run folders (tokens, keys). */
    SECRET,
    INT,
    FLOAT,
    /** {@code true/false}, also Python's {@code True/False}. */
    BOOL,
    /** One of the key's {@link KeySpec#choices()}. */
    CHOICE,
    /** {@code null}, a number, or a list of numbers such as {@code [0.2,2]}. */
    NUMBERS
}
