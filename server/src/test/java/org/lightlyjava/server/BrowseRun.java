package org.lightlyjava.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code lightly-server browse} run in this JVM on a free port, with {@code $LIGHTLY_DATA_DIR} set
 * to a given folder: the link it printed (checked to be its one line of stdout) and a way to stop
 * it as Ctrl-C does.
 */
public final class BrowseRun implements AutoCloseable {

    private static final Pattern LINK =
            Pattern.compile("^(http://127\\.0\\.0\\.1:\\d+)/#signin=([0-9a-f]{64})$");

    private final CompletableFuture<Integer> done;
    private final StringWriter err;
    private final StopSignal stop;
    private final String link;
    private final String base;
    private final String secret;

    private BrowseRun(
            CompletableFuture<Integer> done, StringWriter err, StopSignal stop, Matcher link) {
        this.done = done;
        this.err = err;
        this.stop = stop;
        this.link = link.group();
        this.base = link.group(1);
        this.secret = link.group(2);
    }

    /** Starts {@code browse --port 0} plus the arguments and waits for its link. */
    public static BrowseRun start(Path dataDir, String... args) throws InterruptedException {
        StopSignal stop = StopSignal.manual();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandEnv env =
                new CommandEnv(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        Map.of(ServerSettings.DATA_DIR_ENV, dataDir.toString()),
                        stop);
        String[] command = new String[args.length + 3];
        command[0] = "browse";
        command[1] = "--port";
        command[2] = "0";
        System.arraycopy(args, 0, command, 3, args.length);
        CompletableFuture<Integer> done =
                CompletableFuture.supplyAsync(() -> ServerMain.run(env, command));
        for (int i = 0; i < 400; i++) {
            String printed = out.toString();
            if (printed.endsWith(System.lineSeparator())) {
                assertThat(printed.lines()).as("one line").hasSize(1);
                Matcher m = LINK.matcher(printed.strip());
                assertThat(m.matches()).as(printed).isTrue();
                return new BrowseRun(done, err, stop, m);
            }
            assertThat(done).as(err.toString()).isNotDone();
            Thread.sleep(50);
        }
        throw new AssertionError("no link printed: " + err);
    }

    /** The whole link, e.g. {@code http://127.0.0.1:41234/#signin=<64 hex>}. */
    public String link() {
        return link;
    }

    /** The server's URL, the link without its fragment. */
    public String base() {
        return base;
    }

    /** The secret in the link's fragment. */
    public String secret() {
        return secret;
    }

    /** What it wrote to stderr so far. */
    public String err() {
        return err.toString();
    }

    /** Stops it as Ctrl-C does and returns its exit code once the server has closed. */
    public int stop() throws Exception {
        stop.requestStop();
        int code = done.get(20, TimeUnit.SECONDS);
        assertThat(stop.awaitStopped()).isTrue();
        return code;
    }

    @Override
    public void close() throws Exception {
        if (!done.isDone()) {
            stop();
        }
    }
}
