package org.lightlyjava.server.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.lightlyjava.server.blob.SignedUrls;
import org.lightlyjava.server.service.Services;
import org.lightlyjava.server.service.Sessions;

/** The HTTP server with every route (Javalin on Jetty); the caller starts and stops it. */
public final class HttpApi {

    private static final long STOP_TIMEOUT_MS = 10_000;

    private final Javalin app;

    private HttpApi(Javalin app) {
        this.app = app;
    }

    /**
     * @param publicUrls where the URLs it hands out point
     * @param version the server's version, for {@code /v1/lightly-java/info}
     * @param sessions the web page's sessions
     */
    public static HttpApi create(
            Services services,
            SignedUrls signedUrls,
            Sessions sessions,
            PublicUrls publicUrls,
            String version) {
        Handlers handlers = new Handlers(services, publicUrls);
        return new HttpApi(
                Javalin.create(
                        config ->
                                configure(
                                        config,
                                        services,
                                        signedUrls,
                                        sessions,
                                        handlers,
                                        version)));
    }

    /** Listens on {@code host:port} (0: a free port). */
    public void start(String host, int port) {
        app.start(host, port);
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** Every route as {@code "METHOD /path/{param}"}, in the order registered. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .toList();
    }

    /** Lets requests in flight finish (up to 10 s), then stops listening. */
    public void stop() {
        app.stop();
    }

    /** On stop, requests in flight get up to 10 s to finish; new ones are refused. */
    private static void graceful(Server server) {
        server.setStopTimeout(STOP_TIMEOUT_MS);
        GracefulHandler graceful = new GracefulHandler();
        // While stopping, a connection idle for 0.5 s closes (Jetty's default: 1 s): idle
        // keep-alive connections go quickly, an upload that pauses briefly still finishes.
        graceful.setShutdownIdleTimeout(500);
        server.insertHandler(graceful);
    }

    private static void configure(
            JavalinConfig config,
            Services services,
            SignedUrls signedUrls,
            Sessions sessions,
            Handlers handlers,
            String version) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = services.limits().maxJsonBytes();
        config.jsonMapper(new ApiJsonMapper());
        config.requestLogger.http(RequestLog::log);
        config.router.ignoreTrailingSlashes = true;
        config.jetty.modifyServer(HttpApi::graceful);
        Errors.register(config.routes);
        // Lightly's routes that nothing below serves: 501 at once, before any sign-in check
        UnservedRoutes.load().register(config.routes);
        // No browser may guess a type for a blob (an uploaded "image" that is HTML, say).
        config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
        config.routes.beforeMatched(new Auth(services.tokens(), sessions));
        new MiscRoutes(services, version).register(config.routes);
        new DatasetRoutes(handlers).register(config.routes);
        new SampleRoutes(handlers).register(config.routes);
        new TagRoutes(handlers).register(config.routes);
        new TagExportRoutes(handlers).register(config.routes);
        new MetaDataConfigRoutes(handlers).register(config.routes);
        new EmbeddingRoutes(handlers).register(config.routes);
        new SelectionRoutes(handlers).register(config.routes);
        new ScoreRoutes(handlers).register(config.routes);
        new DatasourceRoutes(handlers).register(config.routes);
        new DatasourceOutputRoutes(handlers).register(config.routes);
        new PredictionTaskRoutes(handlers).register(config.routes);
        new DatasourceRemoveRoutes(handlers).register(config.routes);
        new ImageProblemRoutes(handlers).register(config.routes);
        new BlobRoutes(handlers, signedUrls).register(config.routes);
        new SessionRoutes(sessions, handlers).register(config.routes);
        new SampleListingRoutes(handlers).register(config.routes);
        new CollaborationRoutes(handlers).register(config.routes);
        new WebRoutes().register(config.routes);
    }
}
