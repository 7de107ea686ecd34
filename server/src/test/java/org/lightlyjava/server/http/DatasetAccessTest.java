package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.store.DatasetAccess.Role;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.ImageDataset;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * Every dataset route, called by a stranger, a user the dataset is shared with for reading, one it
 * is shared with for writing, and the owner: the stranger gets 404 as if the dataset did not exist,
 * the reader may read and gets 403 on writes, the writer may write and gets 403 on the owner's
 * routes (sharing, deleting the dataset). The table must name every route the server serves under
 * {@code {datasetId}}: a new route fails {@link #theTable_namesEveryDatasetRouteTheServerServes}
 * until it has a row here (unless it answers 501 to everyone: a route of Lightly's not served).
 */
class DatasetAccessTest extends ServerTestBase {

    /** One call: the route as registered, the path and body sent, the smallest role it needs. */
    private record Call(String route, String path, Object body, Role needed) {

        String method() {
            return route.substring(0, route.indexOf(' '));
        }

        @Override
        public String toString() {
            return method() + " " + path;
        }
    }

    private ImageDataset data;
    private String spareTagId;
    private Api writer;
    private Api reader;
    private Api stranger;

    @BeforeAll
    void shareADataset() {
        data = ImageDataset.upload(alice, "audited", 4);
        spareTagId =
                alice.post(
                                ds("/tags"),
                                Fixtures.body(
                                        "name",
                                        "spare",
                                        "prevTagId",
                                        data.initialTagId,
                                        "bitMaskData",
                                        "0x3",
                                        "totSize",
                                        4,
                                        "creator",
                                        "USER_PIP"))
                        .json()
                        .get("id")
                        .asText();
        writer = bob;
        reader = alice.as(server.server().issueToken("carol"));
        stranger = alice.as(server.server().issueToken("dave"));
        share("WRITE", "bob");
        share("READ", "carol");
    }

    private void share(String accessType, String user) {
        Response r =
                alice.post(
                        ds("/collaboration/access"),
                        Fixtures.body("accessType", accessType, "users", List.of(user)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private String ds(String rest) {
        return "/v1/datasets/" + data.id + rest;
    }

    private List<Call> calls() {
        String d = "/v1/datasets/{datasetId}";
        String sample = d + "/samples/{sampleId}";
        String tags = d + "/tags";
        String emb = d + "/embeddings/{embeddingId}";
        String src = d + "/datasource";
        String s = ds("/samples/" + data.sampleIds.get(0));
        String t = ds("/tags/" + data.initialTagId);
        String e = ds("/embeddings/" + data.embeddingId);
        Map<String, Object> union =
                Fixtures.body(
                        "tagId1", data.initialTagId, "tagId2", spareTagId, "operation", "UNION");
        List<Call> calls = new ArrayList<>();
        // Reading.
        calls.add(read("GET " + d, ds("")));
        calls.add(read("GET " + tags, ds("/tags")));
        calls.add(read("GET " + tags + "/{tagId}", t));
        calls.add(read("GET " + tags + "/{tagId}/filenames", t + "/filenames"));
        calls.add(read("GET " + d + "/samples", ds("/samples")));
        calls.add(read("GET " + d + "/samples/partial", ds("/samples/partial?mode=ids")));
        calls.add(read("GET " + d + "/mappings", ds("/mappings?field=fileName")));
        calls.add(read("GET " + sample, s));
        calls.add(read("GET " + sample + "/readurl", s + "/readurl?type=full"));
        calls.add(read("GET " + sample + "/readurlRedirect", s + "/readurlRedirect?type=full"));
        calls.add(read("GET " + d + "/embeddings", ds("/embeddings")));
        calls.add(read("GET " + emb + "/readCSVUrl", e + "/readCSVUrl"));
        calls.add(read("GET " + emb + "/2d", e + "/2d"));
        calls.add(read("GET " + emb + "/2d/{embedding2dId}", e + "/2d/" + data.embeddingId));
        calls.add(
                read("GET " + emb + "/duplicates/{jobId}", e + "/duplicates/" + data.embeddingId));
        calls.add(read("GET " + src, ds("/datasource")));
        calls.add(read("GET " + src + "/all", ds("/datasource/all")));
        calls.add(read("GET " + src + "/list", ds("/datasource/list")));
        calls.add(
                read("GET " + src + "/readurlRedirect", ds("/datasource/readurlRedirect?path=a")));
        calls.add(
                read(
                        "GET " + src + "/processedUntilTimestamp",
                        ds("/datasource/processedUntilTimestamp")));
        calls.add(
                read(
                        "GET " + SampleListingRoutes.PATH,
                        "/v1/lightly-java/datasets/" + data.id + "/samples"));
        for (String export :
                List.of(
                        "basic/filenames",
                        "basic/filenamesAndReadUrls",
                        "LabelStudio/tasks",
                        "LabelBox/datarows",
                        "LabelBoxV4/datarows",
                        "Sama/tasks")) {
            calls.add(read("GET " + tags + "/{tagId}/export/" + export, t + "/export/" + export));
        }
        String configs = d + "/configuration/metadata";
        calls.add(read("GET " + configs, ds("/configuration/metadata")));
        calls.add(
                read(
                        "GET " + configs + "/{configurationId}",
                        ds("/configuration/metadata/" + data.embeddingId)));
        for (String file : List.of("metadata/file", "predictions/file", "embeddings/file")) {
            calls.add(
                    read(
                            "GET " + src + "/" + file,
                            ds("/datasource/" + file + "?fileName=a.json")));
        }
        calls.add(read("GET " + src + "/metadata/list", ds("/datasource/metadata/list")));
        calls.add(
                read(
                        "GET " + src + "/predictions/list",
                        ds("/datasource/predictions/list?taskName=boxes")));
        String predictions = d + "/predictions";
        calls.add(read("GET " + predictions + "/tasks", ds("/predictions/tasks")));
        calls.add(read("GET " + predictions + "/tasks/{taskName}", ds("/predictions/tasks/boxes")));
        calls.add(
                read("GET " + predictions + "/samples", ds("/predictions/samples?taskName=boxes")));
        calls.add(
                read(
                        "GET " + predictions + "/samples/{sampleId}",
                        ds("/predictions/samples/" + data.sampleIds.get(0))));
        calls.add(read("GET " + tags + "/{tagId}/scores", t + "/scores"));
        calls.add(
                read(
                        "GET " + tags + "/{tagId}/scores/{scoreId}",
                        t + "/scores/" + data.embeddingId));
        calls.add(
                read(
                        "GET /v1/lightly-java/datasets/{datasetId}/scores",
                        "/v1/lightly-java/datasets/" + data.id + "/scores"));
        calls.add(read("GET " + sample + "/imageProblem", s + "/imageProblem?type=thumbnail"));
        calls.add(
                call(
                        "POST " + tags + "/arithmetics/bitmask",
                        ds("/tags/arithmetics/bitmask"),
                        union,
                        Role.READ));
        calls.add(call("POST " + tags + "/arithmetics", ds("/tags/arithmetics"), union, Role.READ));
        calls.add(
                call(
                        "POST " + emb + "/trigger2dEmbeddingsJob",
                        e + "/trigger2dEmbeddingsJob",
                        Fixtures.body("dimensionalityReductionMethod", "PCA"),
                        Role.READ));
        // Writing.
        calls.add(
                call(
                        "PUT " + d + "/registerDatasetUpload",
                        ds("/registerDatasetUpload"),
                        Fixtures.body("total", 4, "processed", 4),
                        Role.WRITE));
        calls.add(
                call(
                        "POST " + d + "/samples",
                        ds("/samples"),
                        Fixtures.sample("new.jpg"),
                        Role.WRITE));
        calls.add(
                call(
                        "POST " + d + "/samples/batch",
                        ds("/samples/batch"),
                        Fixtures.body("samples", List.of(Fixtures.sample("more.jpg"))),
                        Role.WRITE));
        calls.add(
                call(
                        "PUT " + sample,
                        s,
                        Fixtures.body("customMetaData", Map.of("k", 1)),
                        Role.WRITE));
        calls.add(
                call(
                        "GET " + sample + "/writeurl",
                        s + "/writeurl?isThumbnail=False",
                        null,
                        Role.WRITE));
        calls.add(call("GET " + sample + "/writeurls", s + "/writeurls", null, Role.WRITE));
        calls.add(
                call(
                        "POST " + tags,
                        ds("/tags"),
                        Fixtures.body(
                                "name",
                                "made",
                                "prevTagId",
                                data.initialTagId,
                                "bitMaskData",
                                "0x1",
                                "totSize",
                                4),
                        Role.WRITE));
        calls.add(
                call(
                        "POST " + tags + "/initial",
                        ds("/tags/initial"),
                        Fixtures.body("imgType", "thumbnail"),
                        Role.WRITE));
        calls.add(
                call(
                        "POST " + tags + "/upsize",
                        ds("/tags/upsize"),
                        Fixtures.body("upsizeTagName", "upsized", "upsizeTagCreator", "USER_PIP"),
                        Role.WRITE));
        Map<String, Object> unionTag = new java.util.LinkedHashMap<>(union);
        unionTag.put("newTagName", "union");
        calls.add(
                call(
                        "POST " + tags + "/arithmetics",
                        ds("/tags/arithmetics"),
                        unionTag,
                        Role.WRITE));
        calls.add(call("DELETE " + tags + "/{tagId}", ds("/tags/" + spareTagId), null, Role.WRITE));
        calls.add(
                call(
                        "GET " + d + "/embeddings/writeCSVUrl",
                        ds("/embeddings/writeCSVUrl?name=other"),
                        null,
                        Role.WRITE));
        calls.add(
                call(
                        "POST " + emb + "/sampling",
                        e + "/sampling",
                        Fixtures.body(
                                "newTagName",
                                "picked",
                                "method",
                                "RANDOM",
                                "config",
                                Map.of("stoppingCondition", Map.of("nSamples", 2))),
                        Role.WRITE));
        calls.add(
                call(
                        "POST " + emb + "/duplicates",
                        e + "/duplicates",
                        Fixtures.body("maxDistance", 0.1, "newTagName", "dups"),
                        Role.WRITE));
        calls.add(
                call(
                        "PUT " + src,
                        ds("/datasource"),
                        Fixtures.body("type", "LOCAL", "fullPath", "nowhere"),
                        Role.WRITE));
        calls.add(call("GET " + src + "/verify", ds("/datasource/verify"), null, Role.WRITE));
        calls.add(
                call(
                        "PUT " + src + "/processedUntilTimestamp",
                        ds("/datasource/processedUntilTimestamp"),
                        Fixtures.body("processedUntilTimestamp", 5),
                        Role.WRITE));
        Map<String, Object> configSet =
                Fixtures.body(
                        "name",
                        "weather",
                        "configs",
                        List.of(
                                Fixtures.body(
                                        "name",
                                        "Temperature",
                                        "path",
                                        "weather.temp",
                                        "defaultValue",
                                        0,
                                        "valueDataType",
                                        "NUMERIC_FLOAT")));
        calls.add(call("POST " + configs, ds("/configuration/metadata"), configSet, Role.WRITE));
        calls.add(
                call(
                        "PUT " + configs + "/{configurationId}",
                        ds("/configuration/metadata/" + data.embeddingId),
                        configSet,
                        Role.WRITE));
        calls.add(
                call(
                        "GET " + src + "/predictions/writeUrl",
                        ds("/datasource/predictions/writeUrl?fileName=boxes/a.json"),
                        null,
                        Role.WRITE));
        calls.add(
                call(
                        "POST " + predictions + "/tasks",
                        ds("/predictions/tasks"),
                        Fixtures.body(
                                "name",
                                "boxes",
                                "type",
                                "CLASSIFICATION",
                                "categories",
                                List.of(Fixtures.body("id", 0, "name", "cat"))),
                        Role.WRITE));
        calls.add(
                call(
                        "POST " + predictions + "/samples/{sampleId}",
                        ds("/predictions/samples/" + data.sampleIds.get(0)),
                        List.of(),
                        Role.WRITE));
        calls.add(
                call(
                        "POST " + tags + "/{tagId}/scores",
                        t + "/scores",
                        Fixtures.body("scoreType", "uncertainty", "scores", List.of(0.1, 0.2)),
                        Role.WRITE));
        calls.add(call("DELETE " + src, ds("/datasource"), null, Role.WRITE));
        // The owner's.
        String access = d + "/collaboration/access";
        calls.add(call("GET " + access, ds("/collaboration/access"), null, Role.OWNER));
        calls.add(
                call(
                        "POST " + access,
                        ds("/collaboration/access"),
                        Fixtures.body("accessType", "WRITE", "users", List.of("bob")),
                        Role.OWNER));
        calls.add(
                call(
                        "DELETE " + access + "/{accessConfigId}",
                        ds("/collaboration/access/" + data.embeddingId),
                        null,
                        Role.OWNER));
        calls.add(call("DELETE " + d, ds(""), null, Role.OWNER));
        return calls;
    }

    private static Call read(String route, String path) {
        return new Call(route, path, null, Role.READ);
    }

    private static Call call(String route, String path, Object body, Role needed) {
        return new Call(route, path, body, needed);
    }

    private static Response send(Api api, Call call) {
        return switch (call.method()) {
            case "GET" -> api.get(call.path());
            case "DELETE" -> api.delete(call.path());
            case "POST" -> api.post(call.path(), call.body());
            case "PUT" -> api.put(call.path(), call.body());
            default -> throw new AssertionError("no such method in the table: " + call);
        };
    }

    @Test
    void theTable_namesEveryDatasetRouteTheServerServes() {
        Set<String> served =
                server.server().routes().stream()
                        .filter(route -> route.contains("{datasetId}"))
                        .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = calls().stream().map(Call::route).collect(Collectors.toSet());
        // A route of Lightly's that is only declared as not served (501 to everyone) needs none.
        List<String> unlisted =
                served.stream()
                        .filter(route -> !listed.contains(route))
                        .filter(route -> send(stranger, unlisted(route)).status() != 501)
                        .toList();
        assertThat(unlisted)
                .as("every dataset route needs a row in DatasetAccessTest.calls()")
                .isEmpty();
        assertThat(served).containsAll(listed);
    }

    /** A call of a route not in the table: the dataset's id, other parameters a fresh id. */
    private Call unlisted(String route) {
        String path =
                route.substring(route.indexOf(' ') + 1)
                        .replace("{datasetId}", data.id)
                        .replaceAll("\\{[^}]+}", data.embeddingId);
        return new Call(route, path, Map.of(), Role.OWNER);
    }

    @Test
    void strangersReadersAndWriters_getWhatTheirRoleAllows() {
        List<Call> calls = calls();
        SoftAssertions soft = new SoftAssertions();
        for (Call call : calls) {
            Response r = send(stranger, call);
            soft.assertThat(r.status()).as("stranger: " + call + " " + r.body()).isEqualTo(404);
            soft.assertThat(code(r)).as("stranger: " + call).isEqualTo("DATASET_UNKNOWN");
        }
        for (Call call : calls) {
            expect(soft, "reader", send(reader, call), call, Role.READ);
        }
        for (Call call : calls) {
            expect(soft, "writer", send(writer, call), call, Role.WRITE);
        }
        for (Call call : calls) {
            expect(soft, "owner", send(alice, call), call, Role.OWNER);
        }
        soft.assertAll();
        assertThat(send(writer, calls.get(0)).status()).isEqualTo(404);
    }

    private static void expect(SoftAssertions soft, String who, Response r, Call call, Role role) {
        String what = who + ": " + call + " answered " + r.status() + " " + r.body();
        if (role.allows(call.needed())) {
            soft.assertThat(r.status()).as(what).isNotIn(403, 500);
            soft.assertThat(code(r)).as(what).isNotEqualTo("DATASET_UNKNOWN");
        } else {
            soft.assertThat(r.status()).as(what).isEqualTo(403);
            soft.assertThat(code(r)).as(what).isEqualTo("FORBIDDEN");
        }
    }

    /** Lightly's error code, or "" for an answer that is not an error body (a redirect). */
    private static String code(Response r) {
        return r.body().startsWith("{") ? r.code() : "";
    }
}
