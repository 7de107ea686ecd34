package org.lightlyjava.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.javalin.router.EndpointNotFound;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lightlyjava.server.service.ApiProblem;

/**
 * Routes of Lightly's API v1 that this server does not serve answer 501 {@code NOT_IMPLEMENTED}
 * naming the route, at once: a 404 reads to Lightly's client as a resource that is not there yet,
 * and some of its calls retry it for half a minute. The routes are those Lightly's generated client
 * knows ({@code lightly-routes.txt}, made by {@code server/tools/lightly-routes.sh}); a request
 * gets the 501 only when no route of this server matched it, or when the one that matched is a less
 * specific one that only caught it by a path parameter (Lightly's {@code GET /v1/datasets/enriched}
 * falls into {@code GET /v1/datasets/{datasetId}}). Other unknown paths stay 404. Served routes win
 * by themselves: nothing here lists them.
 */
final class UnservedRoutes {

    private static final String RESOURCE = "lightly-routes.txt";

    private final List<Template> templates;

    private UnservedRoutes(List<Template> templates) {
        this.templates = templates;
    }

    /** Lightly's routes from the resource beside this class. */
    static UnservedRoutes load() {
        try (InputStream in = UnservedRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            List<Template> templates = new ArrayList<>();
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    templates.add(Template.parse(line.strip()));
                }
            }
            return new UnservedRoutes(List.copyOf(templates));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Registers the two places a request can reach: the answer for a request no route matched, and
     * a check before a matched route whose path parameter swallowed one of Lightly's fixed path
     * segments.
     */
    void register(RoutesConfig routes) {
        routes.exception(EndpointNotFound.class, this::notFound);
        routes.beforeMatched(this::caughtByParameter);
    }

    private void notFound(EndpointNotFound e, Context ctx) {
        Optional<Template> lightly = match(method(ctx), ctx.path(), Integer.MAX_VALUE);
        if (lightly.isPresent()) {
            answer(ctx, lightly.get());
        } else {
            Errors.answer(
                    ctx, 404, "NOT_FOUND", "no such route: " + ctx.method() + " " + ctx.path());
        }
    }

    private void caughtByParameter(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched == null) {
            return;
        }
        int params = Template.parameters(Template.segments(matched.path));
        Optional<Template> lightly = match(method(ctx), ctx.path(), params);
        if (lightly.isPresent()) {
            throw problem(lightly.get());
        }
    }

    private static String method(Context ctx) {
        return ctx.method().name();
    }

    /**
     * The most specific of Lightly's routes for the request with fewer than {@code below}
     * parameters.
     */
    Optional<Template> match(String method, String path, int below) {
        String[] segments = Template.segments(path);
        Template best = null;
        for (Template t : templates) {
            if (t.parameters < below
                    && t.matches(method, segments)
                    && (best == null || t.parameters < best.parameters)) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Lightly's routes, in the resource's order. */
    List<Template> templates() {
        return templates;
    }

    private static void answer(Context ctx, Template route) {
        ApiProblem problem = problem(route);
        Errors.answer(ctx, problem.status(), problem.code(), problem.getMessage());
    }

    private static ApiProblem problem(Template route) {
        return new ApiProblem(
                501,
                "NOT_IMPLEMENTED",
                "lightly-server does not serve Lightly's route "
                        + route
                        + " (server/README.md lists what it serves)");
    }

    /** {@code METHOD /v1/path/{param}}: fixed segments and parameters. */
    record Template(String method, String path, String[] parts, int parameters) {

        static Template parse(String line) {
            int space = line.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("not 'METHOD /path': " + line);
            }
            String path = line.substring(space + 1).strip();
            String[] parts = segments(path);
            return new Template(
                    line.substring(0, space).toUpperCase(Locale.ROOT),
                    path,
                    parts,
                    parameters(parts));
        }

        static String[] segments(String path) {
            String trimmed = path.startsWith("/") ? path.substring(1) : path;
            if (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            return trimmed.split("/", -1);
        }

        static boolean isParameter(String segment) {
            return (segment.startsWith("{") && segment.endsWith("}"))
                    || (segment.startsWith("<") && segment.endsWith(">"));
        }

        static int parameters(String[] parts) {
            int n = 0;
            for (String part : parts) {
                n += isParameter(part) ? 1 : 0;
            }
            return n;
        }

        boolean matches(String requestMethod, String[] segments) {
            if (!method.equalsIgnoreCase(requestMethod) || segments.length != parts.length) {
                return false;
            }
            for (int i = 0; i < parts.length; i++) {
                boolean any = isParameter(parts[i]) && !segments[i].isEmpty();
                if (!any && !parts[i].equals(segments[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
