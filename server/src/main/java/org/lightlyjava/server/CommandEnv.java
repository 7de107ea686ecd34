package org.lightlyjava.server;

import java.io.PrintWriter;
import java.util.Map;

/**
 * What commands read and write: stdout (data), stderr (diagnostics), the environment, the stop
 * signal.
 */
record CommandEnv(PrintWriter out, PrintWriter err, Map<String, String> env, StopSignal stop) {}
