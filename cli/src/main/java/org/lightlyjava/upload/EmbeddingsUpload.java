package org.lightlyjava.upload;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.lightlyjava.api.client.ApiException;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.embeddings.EmbeddingsCsv;
import org.lightlyjava.api.embeddings.InvalidEmbeddingsException;
import org.lightlyjava.api.model.DatasetEmbeddingData;
import org.lightlyjava.api.model.WriteCsvUrlData;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads an embeddings CSV (reference §8): checked before anything is sent (format, one row per
 * sample, the same file names as the server's), reordered to the server's sample order, PUT to the
 * signed URL, then the 2D views requested. Re-running an upload that already arrived changes
 * nothing; one that was cut off continues (the server hands out the same unprocessed embedding).
 */
final class EmbeddingsUpload {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingsUpload.class);
    private static final List<String> PROJECTIONS = List.of("PCA", "TSNE", "UMAP");

    private EmbeddingsUpload() {}

    /** Reads and checks the CSV's own format; names the file and line on failure. */
    static EmbeddingsCsv.Table read(Path csv) {
        try {
            return EmbeddingsCsv.read(csv);
        } catch (InvalidEmbeddingsException e) {
            throw new ToolException(ExitCode.CONFIG, "embeddings=" + e.getMessage(), e);
        } catch (IOException e) {
            throw new ToolException(
                    ExitCode.CONFIG, "embeddings=" + csv + ": " + FileProblems.describe(e), e);
        }
    }

    /**
     * lightly-upload with {@code input_dir}: every row of the CSV names an image of the folder,
     * once. Images without a row are allowed only when they cannot be read (lightly-embed leaves
     * such images out); they are named with their reason and returned, so the upload leaves them
     * out too. Anything else is refused before anything is uploaded.
     *
     * @return the images without a row, all unreadable
     */
    static List<Sample> checkAgainstFolder(
            EmbeddingsCsv.Table table, List<Sample> samples, Function<Sample, String> problem) {
        Set<String> rows = unique(table);
        Set<String> local = new HashSet<>();
        List<Sample> withoutRow = new ArrayList<>();
        for (Sample sample : samples) {
            local.add(sample.fileName());
            if (!rows.contains(sample.fileName())) {
                withoutRow.add(sample);
            }
        }
        if (!local.containsAll(rows)) {
            throw new ToolException(
                    ExitCode.CONFIG,
                    "The filenames in the embedding file and the filenames in input_dir do not "
                            + "align: "
                            + examples(rows, local, "only in the file"));
        }
        List<String> readable = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Sample sample : withoutRow) {
            String why = problem.apply(sample);
            if (why == null) {
                readable.add(sample.fileName());
            } else {
                reasons.add(sample.fileName() + ": " + why);
            }
        }
        if (!readable.isEmpty()) {
            throw new ToolException(
                    ExitCode.CONFIG,
                    "There are "
                            + table.size()
                            + " rows in the embedding file, but "
                            + samples.size()
                            + " filenames/samples in input_dir: "
                            + examples(new HashSet<>(readable), Set.of(), "images have no row")
                            + " although they can be read. Run lightly-embed on this input_dir "
                            + "again.");
        }
        reasons.forEach(reason -> log.warn("skipped {}", reason));
        return withoutRow;
    }

    /** Fails unless the CSV has exactly one row for each of {@code expected} file names. */
    static void checkNames(EmbeddingsCsv.Table table, Collection<String> expected, String where) {
        if (table.size() != expected.size()) {
            throw new ToolException(
                    ExitCode.CONFIG,
                    "There are "
                            + table.size()
                            + " rows in the embedding file, but "
                            + expected.size()
                            + " filenames/samples "
                            + where
                            + ".");
        }
        Set<String> rows = unique(table);
        Set<String> wanted = new HashSet<>(expected);
        if (!rows.equals(wanted)) {
            throw new ToolException(
                    ExitCode.CONFIG,
                    "The filenames in the embedding file and the "
                            + "filenames "
                            + where
                            + " do not align: "
                            + examples(rows, wanted, "only in the file")
                            + "; "
                            + examples(wanted, rows, "missing from the file"));
        }
    }

    /**
     * Uploads {@code table} as embedding {@code name} of the dataset.
     *
     * @return the id of the embedding on the server
     */
    static String upload(
            LightlyClient client,
            String datasetId,
            EmbeddingsCsv.Table table,
            Path file,
            String name,
            boolean append) {
        List<String> order = client.mappings(datasetId, "fileName");
        checkNames(table, order, "on the server");
        byte[] csv = table.fileNames().equals(order) ? asIs(file, table) : null;
        if (csv == null) {
            csv = reordered(file, table, order);
        }
        String target = name;
        for (DatasetEmbeddingData existing : client.embeddings(datasetId)) {
            if (existing.name().equals(name) && existing.isProcessed()) {
                if (sameAsServer(client, datasetId, existing.id(), csv)) {
                    log.info("Embedding '{}' is already on the server; nothing to upload.", name);
                    return existing.id();
                }
                if (!append) {
                    throw new ToolException(
                            ExitCode.CONFIG,
                            "The dataset you specified already has "
                                    + "an embedding named '"
                                    + name
                                    + "'. Use append=True to add this one "
                                    + "under a new name, or choose another embedding_name.");
                }
                target =
                        name
                                + "_"
                                + LocalDateTime.now()
                                        .format(
                                                DateTimeFormatter.ofPattern(
                                                        "yyyyMMdd_HH'h'mm'm'ss's'"));
            }
        }
        WriteCsvUrlData url = client.embeddingWriteUrl(datasetId, target);
        client.put(url.signedWriteUrl(), csv, "embeddings " + target);
        for (String method : PROJECTIONS) {
            try {
                client.trigger2d(datasetId, url.embeddingId(), method);
            } catch (ApiException e) {
                log.warn(
                        "The server did not compute the {} view of the embedding: {}",
                        method,
                        e.getMessage());
            }
        }
        log.info("Uploaded embedding '{}' ({} rows).", target, table.size());
        return url.embeddingId();
    }

    /**
     * The file as it is, when it is in the server's order and has exactly Lightly's columns (the
     * usual case after lightly-magic); null when it needs rewriting.
     */
    private static byte[] asIs(Path file, EmbeddingsCsv.Table table) {
        try {
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            StringBuilder header = new StringBuilder("filenames");
            for (int i = 0; i < table.dimension(); i++) {
                header.append(",embedding_").append(i);
            }
            byte[] expected =
                    header.append(",labels\r\n").toString().getBytes(StandardCharsets.UTF_8);
            boolean canonical =
                    bytes.length >= expected.length
                            && java.util.Arrays.equals(
                                    bytes, 0, expected.length, expected, 0, expected.length);
            return canonical ? bytes : null;
        } catch (IOException e) {
            throw new ToolException(
                    ExitCode.CONFIG, "embeddings=" + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean sameAsServer(
            LightlyClient client, String datasetId, String id, byte[] csv) {
        try {
            byte[] stored = client.get(client.embeddingReadUrl(datasetId, id), "embeddings " + id);
            EmbeddingsCsv.Table a =
                    EmbeddingsCsv.read(
                            new StringReader(new String(stored, StandardCharsets.UTF_8)), "server");
            EmbeddingsCsv.Table b =
                    EmbeddingsCsv.read(
                            new StringReader(new String(csv, StandardCharsets.UTF_8)), "local");
            if (!a.fileNames().equals(b.fileNames())) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!java.util.Arrays.equals(a.embeddings().get(i), b.embeddings().get(i))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("cannot compare with the server's embedding: {}", e.toString());
            return false;
        }
    }

    /**
     * The CSV with its rows in the server's order, as Lightly's client writes it: Lightly's columns
     * only, CRLF, and every value as the file has it (moved, never reparsed or reprinted).
     */
    static byte[] reordered(Path file, EmbeddingsCsv.Table table, List<String> order) {
        Map<String, List<String>> rows = new HashMap<>();
        try (EmbeddingsCsv.RowReader reader =
                EmbeddingsCsv.RowReader.open(
                        java.nio.file.Files.newBufferedReader(file, StandardCharsets.UTF_8),
                        file.toString())) {
            while (reader.next()) {
                rows.put(reader.fileName(), reader.text());
            }
        } catch (IOException e) {
            throw new ToolException(
                    ExitCode.CONFIG, "embeddings=" + file + ": " + e.getMessage(), e);
        }
        StringBuilder out = new StringBuilder("filenames");
        for (int i = 0; i < table.dimension(); i++) {
            out.append(",embedding_").append(i);
        }
        out.append(",labels\r\n");
        for (String name : order) {
            out.append(EmbeddingsCsv.quote(name));
            for (String value : rows.get(name)) {
                out.append(',').append(EmbeddingsCsv.quote(value));
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The CSV's file names; refuses a file that lists one twice, naming it. */
    private static Set<String> unique(EmbeddingsCsv.Table table) {
        table.firstRepeat()
                .ifPresent(
                        repeat -> {
                            throw new ToolException(
                                    ExitCode.CONFIG,
                                    "The embedding file lists a file name twice: " + repeat + ".");
                        });
        return new HashSet<>(table.fileNames());
    }

    private static String examples(Set<String> from, Set<String> without, String label) {
        List<String> diff = new ArrayList<>();
        for (String name : from) {
            if (!without.contains(name)) {
                diff.add(name);
            }
        }
        if (diff.isEmpty()) {
            return "none " + label;
        }
        diff.sort(null);
        return diff.size()
                + " "
                + label
                + " (e.g. "
                + String.join(", ", diff.subList(0, Math.min(3, diff.size())))
                + ")";
    }
}
