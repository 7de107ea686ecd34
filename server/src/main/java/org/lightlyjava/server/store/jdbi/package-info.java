/**
 * The {@link org.lightlyjava.server.store.Store} over JDBI: SQLite (a file, WAL mode, foreign keys
 * on, write transactions that start immediately) or PostgreSQL, chosen by the JDBC URL; HikariCP
 * pools the connections and Flyway migrates the schema on open. The SQL runs unchanged on both.
 */
package org.lightlyjava.server.store.jdbi;
