package org.lightlyjava.embed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lightlyjava.api.embeddings.EmbeddingsCsvWriter;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.image.Thumbnails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what an embedding pass produces into the run folder: {@code embeddings.csv}, optionally
 * {@code metadata.jsonl} (one JSON object per image: {@code fileName}, {@code metaData}, {@code
 * exif}) and {@code thumbnails/<name>_thumb.webp}, and {@code failed_images.tsv} listing every
 * image that failed with its reason. Remembers which samples were embedded, in order.
 */
final class EmbedOutputs implements EmbedPipeline.Sink, AutoCloseable {

    static final String EMBEDDINGS = "embeddings.csv";
    static final String METADATA = "metadata.jsonl";
    static final String THUMBNAILS = "thumbnails";
    static final String FAILED = "failed_images.tsv";

    private static final Logger log = LoggerFactory.getLogger(EmbedOutputs.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path runDir;
    private final EmbeddingsCsvWriter csv;
    private final BufferedWriter metadata;
    private final List<Sample> embedded = new ArrayList<>();
    private BufferedWriter failures;

    EmbedOutputs(Path runDir, int dimension, boolean withMetadata) throws IOException {
        this.runDir = runDir;
        this.csv = EmbeddingsCsvWriter.create(runDir.resolve(EMBEDDINGS), dimension);
        this.metadata =
                withMetadata
                        ? Files.newBufferedWriter(runDir.resolve(METADATA), StandardCharsets.UTF_8)
                        : null;
    }

    Path embeddingsFile() {
        return runDir.resolve(EMBEDDINGS);
    }

    Path metadataFile() {
        return metadata == null ? null : runDir.resolve(METADATA);
    }

    Path thumbnailDir() {
        return runDir.resolve(THUMBNAILS);
    }

    /** The samples that were embedded, in the order of embeddings.csv. */
    List<Sample> embedded() {
        return List.copyOf(embedded);
    }

    @Override
    public void embedded(Sample sample, float[] embedding, EmbedPipeline.Prepared prepared)
            throws IOException {
        csv.write(sample.fileName(), embedding, sample.label());
        embedded.add(sample);
        if (metadata != null) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("fileName", sample.fileName());
            line.put("metaData", prepared.metaData());
            line.put("exif", prepared.exif());
            metadata.write(JSON.writeValueAsString(line));
            metadata.write('\n');
        }
        if (prepared.thumbnail() != null) {
            Path file = thumbnailDir().resolve(Thumbnails.nameFor(sample.fileName()));
            Files.createDirectories(file.getParent());
            Files.write(file, prepared.thumbnail());
        }
    }

    @Override
    public void failed(Sample sample, String reason) throws IOException {
        log.warn("skipped {}: {}", sample.fileName(), reason);
        if (failures == null) {
            failures = Files.newBufferedWriter(runDir.resolve(FAILED), StandardCharsets.UTF_8);
            failures.write("fileName\treason\n");
        }
        failures.write(
                sample.fileName() + "\t" + reason.replace('\t', ' ').replace('\n', ' ') + "\n");
    }

    @Override
    public void close() throws IOException {
        try (csv) {
            if (metadata != null) {
                metadata.close();
            }
            if (failures != null) {
                failures.close();
            }
        }
    }
}
