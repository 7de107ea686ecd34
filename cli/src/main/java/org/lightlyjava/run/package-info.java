/**
 * What every run shares: the exit codes ({@link org.lightlyjava.run.ExitCode}), the context a
 * workflow gets ({@link org.lightlyjava.run.RunContext}), the run folder ({@link
 * org.lightlyjava.run.RunFolder}), logging to stderr and the run's log file with secrets masked
 * ({@link org.lightlyjava.run.Logging}), and progress reporting ({@link
 * org.lightlyjava.run.ProgressFactories}).
 */
package org.lightlyjava.run;
