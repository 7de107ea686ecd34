/**
 * The configuration of a run: every key the tools understand ({@link org.lightlyjava.config.Keys}),
 * Hydra-style {@code key=value} arguments ({@link org.lightlyjava.config.HydraArgs}) and the
 * immutable, checked result ({@link org.lightlyjava.config.Config}).
 *
 * <p>Values are kept as the text the user wrote and coerced per key when read, so a numeric token
 * or dataset id stays a string. Errors are {@link org.lightlyjava.config.ConfigException}s whose
 * message names the key; the CLI maps them to exit code 2.
 */
package org.lightlyjava.config;
