package org.lightlyjava.upload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.DatasourceConfig;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;
import org.lightlyjava.api.model.DatasourceRawSamplesData;
import org.lightlyjava.dataset.FileNames;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before samples go to a dataset whose images live in a datasource (a bucket): the lights must
 * allow the upload (List and Read always; Write when thumbnails are written into the bucket), and
 * the local file names should be keys under the datasource's full path, since the server shows the
 * images from there. {@code validate=strict} stops on a mismatch, {@code warn} reports it, {@code
 * off} skips all of this.
 */
final class DatasourceCheck {

    private static final Logger log = LoggerFactory.getLogger(DatasourceCheck.class);
    private static final int EXAMPLES = 5;

    private DatasourceCheck() {}

    static void run(
            LightlyClient client,
            String datasetId,
            UploadMode mode,
            List<Sample> samples,
            String validate) {
        if (validate.equals("off")) {
            return;
        }
        DatasourceConfig datasource = client.datasource(datasetId);
        if (datasource == null
                || datasource.type() == null
                || datasource.type().equals("LIGHTLY")) {
            return;
        }
        String where = datasource.type() + " " + datasource.fullPath();
        DatasourceConfigVerifyData lights = client.verifyDatasource(datasetId);
        log.info("Datasource {}: {}", where, describe(lights));
        List<String> red = new ArrayList<>();
        if (!lights.canList()) {
            red.add(reason(lights, "canList", "List"));
        }
        if (!lights.canRead()) {
            red.add(reason(lights, "canRead", "Read"));
        }
        if (mode.thumbnails() && !lights.canWrite()) {
            red.add(
                    reason(lights, "canWrite", "Write")
                            + " (upload="
                            + mode.name().toLowerCase(java.util.Locale.ROOT)
                            + " writes into the bucket; use upload=metadata to leave it untouched)");
        }
        if (!red.isEmpty()) {
            throw new ToolException(
                    ExitCode.CONFIG,
                    "The datasource "
                            + where
                            + " of this dataset "
                            + "cannot be used: "
                            + String.join("; ", red)
                            + ". See docs/s3.md for the "
                            + "permissions each light needs.");
        }
        if (mode != UploadMode.FULL) {
            compareNames(client, datasetId, where, samples, validate);
        }
    }

    private static void compareNames(
            LightlyClient client,
            String datasetId,
            String where,
            List<Sample> samples,
            String validate) {
        Set<String> keys = new HashSet<>();
        String cursor = null;
        do {
            DatasourceRawSamplesData page = client.listDatasource(datasetId, cursor);
            page.data().forEach(item -> keys.add(item.fileName()));
            cursor = page.hasMore() ? page.cursor() : null;
        } while (cursor != null);
        List<String> missing = new ArrayList<>();
        Set<String> local = new HashSet<>();
        for (Sample sample : samples) {
            local.add(sample.fileName());
            if (!keys.contains(sample.fileName())) {
                missing.add(sample.fileName());
            }
        }
        List<String> extra =
                keys.stream()
                        .filter(FileNames::isImage)
                        .filter(k -> !local.contains(k))
                        .sorted()
                        .toList();
        if (!extra.isEmpty()) {
            log.info(
                    "{} images in {} are not in input_dir (e.g. {})",
                    extra.size(),
                    where,
                    examples(extra));
        }
        if (missing.isEmpty()) {
            log.info("All {} local images are in {}.", samples.size(), where);
            return;
        }
        String message =
                missing.size()
                        + " of "
                        + samples.size()
                        + " local images are not in "
                        + where
                        + " (e.g. "
                        + examples(missing)
                        + "): the server could not show them. Sync the "
                        + "folder from the bucket again, or check the datasource's full path.";
        if (validate.equals("strict")) {
            throw new ToolException(ExitCode.CONFIG, message + " (validate=strict)");
        }
        log.warn("{} (validate=warn: uploading anyway)", message);
    }

    private static String describe(DatasourceConfigVerifyData lights) {
        Map<String, Boolean> all = new LinkedHashMap<>();
        all.put("List", lights.canList());
        all.put("Read", lights.canRead());
        all.put("Write", lights.canWrite());
        all.put("Overwrite", lights.canOverwrite());
        StringBuilder out = new StringBuilder();
        all.forEach(
                (k, v) ->
                        out.append(out.length() == 0 ? "" : ", ")
                                .append(k)
                                .append(v ? " green" : " red"));
        return out.toString();
    }

    private static String reason(DatasourceConfigVerifyData lights, String key, String light) {
        String why = lights.errors() == null ? null : lights.errors().get(key);
        return "the " + light + " light is red" + (why == null ? "" : ": " + why);
    }

    private static String examples(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(EXAMPLES, names.size())))
                + (names.size() > EXAMPLES ? ", ..." : "");
    }
}
