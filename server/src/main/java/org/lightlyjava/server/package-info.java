/**
 * lightly-server: a self-hostable server for the part of Lightly's API v1 that Lightly's tools use.
 *
 * <p>{@link org.lightlyjava.server.LightlyServer} runs one in-process (the CLI's embedded default
 * does); {@link org.lightlyjava.server.ServerMain} is the {@code lightly-server} command ({@code
 * serve}, {@code browse}, {@code token create|list|revoke}).
 */
package org.lightlyjava.server;
