/**
 * Test helpers: a real server on a free port over a temporary folder, an HTTP client for it, a
 * PostgreSQL when one is reachable.
 */
package org.lightlyjava.server.testing;
