package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightlyjava.api.model.ApiJson;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleCreateRequest;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * A rough throughput check of the batch route: 20,000 samples with about 1 KB of metaData each, in
 * batches of 1,000, one client thread (as the upload's single batching thread sends them). What it
 * guards against is a batch getting slower as the dataset grows (a per-batch cost that scales with
 * the samples already stored), which a shared CI machine's load does not fake: the last batches are
 * compared with the first. The absolute floor is only a backstop; the rate goes to stderr, and
 * bench/upload measures the speed.
 */
class BatchThroughputTest extends ServerTestBase {

    private static final int SAMPLES = Integer.getInteger("throughput.samples", 20_000);

    @Test
    void twentyThousandSamples_goInWellAboveTheBound() {
        String ds = newDataset();
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < SAMPLES; from += SampleBatchRequest.MAX_SAMPLES) {
            bodies.add(body(from));
        }
        post(newDataset(), bodies.get(0)); // warm-up on another dataset
        long start = System.nanoTime();
        long slowest = 0;
        List<Long> times = new ArrayList<>();
        for (String body : bodies) {
            long t = System.nanoTime();
            post(ds, body);
            long took = System.nanoTime() - t;
            times.add(took);
            slowest = Math.max(slowest, took);
            if (Boolean.getBoolean("throughput.verbose")) {
                System.err.println("batch " + took / 1_000_000 + " ms");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = SAMPLES / seconds;
        System.err.printf(
                "batch route: %d samples in %.2f s = %.0f samples/s (slowest batch %d ms,"
                        + " %d KB per batch)%n",
                SAMPLES, seconds, rate, slowest / 1_000_000, bodies.get(0).length() / 1024);
        assertThat(alice.get("/v1/datasets/" + ds).json().get("nSamples").asInt())
                .isEqualTo(SAMPLES);
        int quarter = Math.max(1, times.size() / 4);
        long first = median(times.subList(0, quarter));
        long last = median(times.subList(times.size() - quarter, times.size()));
        assertThat(last)
                .as("median of the last batches against the first, in ns")
                .isLessThan(3 * first + 20_000_000L);
        assertThat(rate).isGreaterThan(300);
    }

    private static long median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private void post(String ds, String body) {
        Response r = alice.postRaw("/v1/datasets/" + ds + "/samples/batch", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static String body(int from) {
        List<SampleCreateRequest> samples = new ArrayList<>();
        for (int i = from; i < from + SampleBatchRequest.MAX_SAMPLES; i++) {
            String name = String.format("folder_%02d/image_%06d.jpg", i % 37, i);
            samples.add(
                    new SampleCreateRequest(
                            name, Fixtures.thumbName(name), exif(i), metaData(i), null));
        }
        try {
            return ApiJson.mapper()
                    .writeValueAsString(new SampleBatchRequest(samples, "thumbnail"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Lightly's metadata keys at full double precision, and a custom object: about 1 KB. */
    private static JsonNode metaData(int i) {
        ObjectNode meta = ApiJson.mapper().createObjectNode();
        for (String key :
                List.of("mean", "std", "sumOfValues", "sumOfSquares", "meanHsv", "stdHsv")) {
            meta.putArray(key)
                    .add(0.41234567890123456 + i * 1e-7)
                    .add(0.38765432109876543)
                    .add(0.29988776655443322);
        }
        meta.put("luminance", 41.234567890123456 + i * 1e-7);
        meta.put("uniformRowRatio", 0.012345678901234567);
        ObjectNode custom = meta.putObject("custom");
        custom.put("camera", "field-station-" + (i % 12));
        custom.put("weather", "partly cloudy with a chance of rain");
        meta.put("snr", 2.3456789012345);
        meta.put("sharpness", 41.123456789);
        meta.put("sizeInBytes", 150_000 + i);
        meta.putArray("shape").add(480).add(640).add(3);
        meta.put("is_corrupted", false);
        meta.put("corruption", "");
        return meta;
    }

    /** A few EXIF tags: about 250 bytes. */
    private static JsonNode exif(int i) {
        ObjectNode exif = ApiJson.mapper().createObjectNode();
        exif.put("Make", "Canon");
        exif.put("Model", "Canon EOS 5D Mark IV");
        exif.put("DateTime", "2021:06:0" + (i % 9 + 1) + " 12:34:56");
        exif.put("ExposureTime", 0.004);
        exif.put("FNumber", 5.6);
        exif.put("ISOSpeedRatings", 200);
        exif.put("FocalLength", 50.0);
        exif.put("Orientation", 1);
        exif.put("Software", "Adobe Photoshop Lightroom Classic 10.3 (Windows)");
        return exif;
    }
}
