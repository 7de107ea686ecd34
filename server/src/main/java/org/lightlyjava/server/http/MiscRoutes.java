package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.lightlyjava.api.model.ServerInfo;
import org.lightlyjava.server.service.ApiProblem;
import org.lightlyjava.server.service.Ids;
import org.lightlyjava.server.service.Services;

/** Version checks, server info, quota and jobs. */
final class MiscRoutes {

    /** What {@code versions/pip/latest} says without {@code currentVersion}. */
    static final String LATEST_PIP = "1.2.47";

    static final String MINIMUM_PIP = "1.0.0";

    private final Services services;
    private final String version;

    MiscRoutes(Services services, String version) {
        this.services = services;
        this.version = version;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/versions/pip/latest", this::latest);
        routes.get("/v1/versions/pip/minimum", ctx -> ctx.json(MINIMUM_PIP));
        routes.get("/v1/lightly-java/info", this::info);
        routes.get("/v1/quota", this::quota);
        routes.get("/v1/jobs/{jobId}", this::job);
    }

    /** The client's own version, so no client is told to upgrade. */
    private void latest(Context ctx) {
        String current = ctx.queryParam("currentVersion");
        boolean plausible = current != null && current.matches("\\d{1,4}\\.\\d{1,4}\\.\\d{1,4}");
        ctx.json(plausible ? current : LATEST_PIP);
    }

    private void info(Context ctx) {
        ctx.json(new ServerInfo("lightly-java", version, List.of(ServerInfo.SAMPLES_BATCH)));
    }

    private void quota(Context ctx) {
        Auth.user(ctx);
        ctx.json(Long.toString(services.limits().maxSamplesPerDataset()));
    }

    private void job(Context ctx) {
        String jobId = Ids.require(ctx.pathParam("jobId"), "jobId");
        ctx.json(
                services.jobs()
                        .find(Auth.user(ctx).id(), jobId)
                        .orElseThrow(
                                () ->
                                        ApiProblem.notFound(
                                                "NOT_FOUND", "job " + jobId + " does not exist")));
    }
}
