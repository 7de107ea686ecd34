package org.lightlyjava.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lightly-server serve}: runs the server until SIGINT or SIGTERM. */
@Command(
        name = "serve",
        description = "Run the server until interrupted (Ctrl-C, SIGTERM).",
        mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {

    @Mixin StoreOptions store = new StoreOptions();

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = ServerSettings.DEFAULT_PORT;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host = "127.0.0.1";

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            description =
                    "URL clients reach the server at, for the upload and download URLs it hands"
                            + " out (default: the request's Host header when it is allowed, see"
                            + " --allowed-host, else the address the request came in on).")
    String publicUrl;

    @Option(
            names = "--allowed-host",
            paramLabel = "HOST[:PORT]",
            description =
                    "Without --public-url: a Host header the handed-out URLs may be built from,"
                            + " e.g. files.example.com:8787; repeatable. Loopback names and the"
                            + " --host address are always allowed; other Host headers get URLs on"
                            + " the address the request came in on.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(
            names = "--local-root",
            paramLabel = "DIR",
            description =
                    "Folder under which LOCAL datasources live; their fullPath is relative to it"
                            + " (default: <data folder>/local).")
    Path localRoot;

    @Option(
            names = "--read-url-ttl",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description =
                    "How long read URLs work, presigned S3 ones included (default: 1h; at most"
                            + " 7d).")
    Duration readUrlTtl = Duration.ofHours(1);

    @Option(
            names = "--write-url-ttl",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long upload URLs work (default: 15m; at most 7d).")
    Duration writeUrlTtl = Duration.ofMinutes(15);

    @Option(
            names = "--max-blob-mb",
            paramLabel = "MB",
            description =
                    "Largest upload the server accepts: image, thumbnail or embeddings CSV"
                            + " (default: ${DEFAULT-VALUE}; 1M samples of 32-d embeddings are"
                            + " about 365 MB).")
    long maxBlobMb = ServerSettings.DEFAULT_MAX_BLOB_BYTES >> 20;

    @Option(
            names = "--allow-s3-endpoint",
            paramLabel = "URL",
            description =
                    "An S3-compatible endpoint on an internal address (loopback, private network)"
                            + " that datasources may name, e.g. http://minio.internal:9000;"
                            + " repeatable. Other internal addresses are refused, so tokens"
                            + " cannot make the server probe its own network.")
    List<String> allowS3Endpoints = new ArrayList<>();

    @Option(
            names = "--allow-any-s3-endpoint",
            description =
                    "Let datasources name any endpoint, internal addresses included (a server"
                            + " only you use).")
    boolean allowAnyS3Endpoint;

    @Option(
            names = "--s3-endpoint",
            paramLabel = "URL",
            description =
                    "The S3-compatible endpoint (path-style) of S3 and S3DelegatedAccess"
                            + " datasources that name none, as Lightly's clients cannot; default:"
                            + " AWS.")
    String s3Endpoint;

    @Option(
            names = "--sts-endpoint",
            paramLabel = "URL",
            description =
                    "Where S3DelegatedAccess datasources assume their roles (STS AssumeRole with"
                            + " the server's own AWS credentials from the default chain);"
                            + " default: AWS's regional STS endpoint.")
    String stsEndpoint;

    private final CommandEnv env;

    ServeCommand(CommandEnv env) {
        this.env = env;
    }

    @Override
    public Integer call() throws CommandFailure, InterruptedException {
        ServerSettings settings = settings();
        PrintWriter out = env.out();
        try (LightlyServer server = start(settings)) {
            out.println("lightly-server " + ServerVersion.get() + " listening on " + server.url());
            out.println(
                    "data folder: "
                            + settings.dataDir()
                            + " (database: "
                            + server.databaseVendor()
                            + ")");
            out.println("LOCAL datasources under: " + settings.localRootOrDefault());
            out.println("Create a token:  lightly-server token create --user NAME" + dataDirArg());
            out.println(
                    "Use it:          LIGHTLY_SERVER_LOCATION="
                            + server.url()
                            + " lightly-magic ... token=TOKEN");
            out.println("Stop with Ctrl-C.");
            out.flush();
            env.stop().awaitStop();
            out.println("lightly-server stopping");
            out.flush();
        } finally {
            env.stop().markStopped();
        }
        return ExitCode.OK.code();
    }

    private ServerSettings settings() throws CommandFailure {
        try {
            return ServerSettings.builder()
                    .dataDir(store.dataDir(env.env()))
                    .database(store.database)
                    .databasePassword(store.password(env.env()))
                    .host(host)
                    .port(port)
                    .publicUrl(publicUrl)
                    .allowedHosts(allowedHosts)
                    .localRoot(localRoot)
                    .readUrlTtl(readUrlTtl)
                    .writeUrlTtl(writeUrlTtl)
                    .maxBlobBytes(maxBlobMb << 20)
                    .s3Endpoints(allowAnyS3Endpoint ? null : allowS3Endpoints)
                    .s3Endpoint(s3Endpoint)
                    .stsEndpoint(stsEndpoint)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage());
        }
    }

    /** Prepares the data folder and starts; a failure is a configuration error (exit 3). */
    static LightlyServer start(ServerSettings settings) throws CommandFailure {
        try {
            DataDir.prepare(settings.dataDir());
            return LightlyServer.start(settings);
        } catch (ServerStartException | java.io.IOException e) {
            throw new CommandFailure(ExitCode.CONFIG, e.getMessage());
        }
    }

    /** The options that make {@code token create} use this server's database. */
    private String dataDirArg() {
        String dataDir =
                store.dataDir == null ? "" : " --data-dir " + store.dataDir.toAbsolutePath();
        if (store.database == null) {
            return dataDir;
        }
        String shown =
                store.database
                        .replaceAll("(?i)([?&]password=)[^&]*", "$1***")
                        .replaceAll("//[^/@]*@", "//***@");
        return " --db '"
                + shown
                + "'"
                + (shown.equals(store.database) ? "" : " (with the password as given here)");
    }
}
