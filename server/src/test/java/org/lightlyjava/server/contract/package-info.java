/**
 * Contract tests: the requests Lightly's Python client 1.2.47 sends, replayed route by route
 * against a real server, with the response fields its generated models require.
 */
package org.lightlyjava.server.contract;
