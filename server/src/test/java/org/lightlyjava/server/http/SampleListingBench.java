package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.api.model.ApiJson;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleCreateRequest;
import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Postgres;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * Latency of the web page's listing route over HTTP at 100,000 samples (lightly-magic's metadata,
 * EXIF and a custom number each): pages of 120 as the grid asks for them, first and deep, sorted,
 * filtered, within a tag. Not part of the build ({@code slow}); run it with
 *
 * <pre>
 * mvn -o test -pl server -am -Dsurefire.excludedGroups= -Dtest=SampleListingBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.samples=100000] [-Dbench.postgres=true]
 * </pre>
 *
 * and read the table on stderr: median and 95th percentile of 25 requests after 5 warm-up ones.
 */
@Tag("slow")
class SampleListingBench extends ServerTestBase {

    private static final int SAMPLES = Integer.getInteger("bench.samples", 100_000);
    private static final int RUNS = 25;

    @Override
    protected ServerSettings.Builder settings(ServerSettings.Builder builder) {
        return Boolean.getBoolean("bench.postgres")
                ? builder.database(Postgres.freshSchema())
                : builder;
    }

    @Test
    void listingLatency() {
        String ds = newDataset();
        long start = System.nanoTime();
        upload(ds);
        System.err.printf(
                "%s: %d samples uploaded in %.1f s%n",
                server.server().databaseVendor(), SAMPLES, (System.nanoTime() - start) / 1e9);
        String tag = tag(ds);
        String base = "/v1/lightly-java/datasets/" + ds + "/samples?limit=120";
        int deep = SAMPLES - 120;
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("first page, creation order", "");
        cases.put("last page, creation order", "&offset=" + deep);
        cases.put("sharpness, first page", "&sort=sharpness");
        cases.put(
                "sharpness desc, middle page", "&sort=sharpness&order=desc&offset=" + SAMPLES / 2);
        cases.put("sharpness, last page", "&sort=sharpness&offset=" + deep);
        cases.put("filter width 300-500, first page", "&filter=width:300:500");
        cases.put("filter sharpness, sort snr", "&filter=sharpness:100:200&sort=snr");
        cases.put("custom.weather.temp, first page", "&sort=custom.weather.temp");
        cases.put("custom.weather.temp, last page", "&sort=custom.weather.temp&offset=" + deep);
        cases.put("filter custom 10-20, first page", "&filter=custom.weather.temp:10:20");
        cases.put(
                "tag (50%), creation order, last page",
                "&tagId=" + tag + "&offset=" + (SAMPLES / 2 - 200));
        cases.put("tag (50%), sharpness, first page", "&tagId=" + tag + "&sort=sharpness");
        System.err.printf("%-42s %10s %10s %8s%n", "case", "median ms", "p95 ms", "total");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            measure(c.getKey(), base + c.getValue());
        }
    }

    private void measure(String name, String path) {
        long total = 0;
        for (int i = 0; i < 5; i++) {
            total = get(path).json().get("total").asLong();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            get(path);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.err.printf(
                "%-42s %10.1f %10.1f %8d%n", name, ms[RUNS / 2], ms[(int) (RUNS * 0.95)], total);
    }

    private Response get(String path) {
        Response r = alice.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private void upload(String ds) {
        Random random = new Random(1);
        for (int from = 0; from < SAMPLES; from += SampleBatchRequest.MAX_SAMPLES) {
            List<SampleCreateRequest> batch = new ArrayList<>();
            for (int i = from; i < Math.min(SAMPLES, from + SampleBatchRequest.MAX_SAMPLES); i++) {
                batch.add(sample(i, random));
            }
            Response r =
                    alice.post(
                            "/v1/datasets/" + ds + "/samples/batch",
                            new SampleBatchRequest(batch, "none"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }

    private static SampleCreateRequest sample(int i, Random random) {
        ObjectNode meta = (ObjectNode) Fixtures.metaData(50_000 + random.nextInt(500_000));
        meta.put("sharpness", random.nextDouble() * 1000);
        meta.put("snr", random.nextDouble() * 10);
        meta.putArray("shape").add(200 + random.nextInt(800)).add(200 + random.nextInt(800)).add(3);
        meta.putArray("sumOfSquares")
                .add(random.nextDouble())
                .add(random.nextDouble())
                .add(random.nextDouble());
        meta.putArray("sumOfValues")
                .add(random.nextDouble())
                .add(random.nextDouble())
                .add(random.nextDouble());
        ObjectNode exif = ApiJson.mapper().createObjectNode();
        exif.put("Make", "Camera").put("Model", "M" + i % 7).put("DateTime", "2021:01:01 10:00:00");
        ObjectNode custom = ApiJson.mapper().createObjectNode();
        custom.putObject("weather").put("temp", random.nextInt(40));
        String name = String.format("folder%02d/image_%06d.jpg", i % 50, i);
        return new SampleCreateRequest(name, Fixtures.thumbName(name), exif, meta, custom);
    }

    private String tag(String ds) {
        Random random = new Random(2);
        List<Integer> half = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            if (random.nextBoolean()) {
                half.add(i);
            }
        }
        String mask = BitMask.of(half.stream().mapToInt(Integer::intValue).toArray()).toString();
        Response r =
                alice.post(
                        "/v1/datasets/" + ds + "/tags",
                        Fixtures.body("name", "half", "bitMaskData", mask, "totSize", SAMPLES));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }
}
