/**
 * The HTTP face of lightly-server: Lightly's API v1 routes (and the lightly-java extensions) on
 * Javalin, token authentication from {@code ?token=} or the web page's session cookie, Lightly's
 * error bodies {@code {"code", "message"}}, the signed blob route, the web page's files, and a
 * request log that never writes query strings (which carry tokens and signatures) or headers. Only
 * this package imports Javalin.
 */
package org.lightlyjava.server.http;
