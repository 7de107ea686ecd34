/**
 * The HTTP face of lightly-server: Lightly's API v1 routes (and the lightly-java extensions) on
 * Javalin, token authentication from {@code ?token=}, Lightly's error bodies {@code {"code",
 * "message"}}, the signed blob route, and a request log that never writes query strings (which
 * carry tokens and signatures). Only this package imports Javalin.
 */
package org.lightlyjava.server.http;
