package org.lightlyjava.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.pipeline.Prefetcher;
import org.lightlyjava.run.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads samples: worker threads prepare them (metadata, thumbnail), chunks are created on the
 * server one after another in dataset order (so the server's order is the dataset's), and the blobs
 * go up in parallel while the next chunk is prepared.
 */
final class SampleUploader {

    private static final Logger log = LoggerFactory.getLogger(SampleUploader.class);
    private static final int FIRST_CHUNK = 100;

    private final LightlyClient client;
    private final Protocol protocol;
    private final Preparer preparer;
    private final ImageSource source;
    private final Map<String, JsonNode> custom;
    private final int prepareThreads;
    private final int putThreads;
    private final Progress.Factory progress;

    SampleUploader(
            LightlyClient client,
            Protocol protocol,
            Preparer preparer,
            ImageSource source,
            Map<String, JsonNode> custom,
            int prepareThreads,
            int putThreads,
            Progress.Factory progress) {
        this.client = client;
        this.protocol = protocol;
        this.preparer = preparer;
        this.source = source;
        this.custom = custom;
        this.prepareThreads = prepareThreads;
        this.putThreads = putThreads;
        this.progress = progress;
    }

    /**
     * How a batch of samples went.
     *
     * @param done samples now complete on the server
     * @param unreadable images that could not be read or decoded, so never sent (named in the log)
     * @param unsent samples whose blobs did not reach the server (named in the log); a rerun sends
     *     them
     */
    record Sent(long done, long unreadable, long unsent) {

        Sent plus(Sent other) {
            return new Sent(
                    done + other.done, unreadable + other.unreadable, unsent + other.unsent);
        }
    }

    /**
     * Creates {@code samples} on the server and uploads their blobs.
     *
     * @throws org.lightlyjava.api.client.ApiException when the server cannot be reached
     */
    Sent uploadNew(List<Sample> samples) {
        long unreadable = 0;
        long unsent;
        try (Progress bar = progress.start("upload", samples.size(), "img");
                BlobUploads blobs = new BlobUploads(client, source, putThreads, bar);
                Prefetcher<Sample, PreparedSample> prepared =
                        new Prefetcher<>(
                                samples.iterator(),
                                preparer::prepare,
                                prepareThreads,
                                Math.max(2 * protocol.chunkSize(), 4 * prepareThreads),
                                "prepare")) {
            List<PreparedSample> chunk = new ArrayList<>(protocol.chunkSize());
            long created = 0;
            while (prepared.hasNext()) {
                PreparedSample next = prepared.next();
                if (next.error() != null) {
                    log.warn("skipped {}: {}", next.sample().fileName(), next.error());
                    unreadable++;
                    bar.step(1);
                    continue;
                }
                chunk.add(next);
                if (chunk.size() >= chunkSize(created)) {
                    created += chunk.size();
                    send(chunk, blobs, bar);
                }
            }
            send(chunk, blobs, bar);
            unsent = blobs.await();
        }
        return new Sent(samples.size() - unreadable - unsent, unreadable, unsent);
    }

    /**
     * The size of the next chunk after {@code created} samples: small at first, doubling up to the
     * protocol's size, so that the server starts on the first samples while the worker threads
     * still prepare the next (a cold JVM takes about a second to prepare a full chunk).
     */
    private int chunkSize(long created) {
        return (int) Math.min(protocol.chunkSize(), Math.max(FIRST_CHUNK, created));
    }

    private void send(List<PreparedSample> chunk, BlobUploads blobs, Progress bar) {
        blobs.checkReachable();
        if (chunk.isEmpty()) {
            return;
        }
        List<Created> created = protocol.create(chunk, custom);
        for (int i = 0; i < created.size(); i++) {
            if (created.get(i).needsBlobs()) {
                blobs.submit(created.get(i), chunk.get(i).thumbnail());
            } else {
                bar.step(1);
            }
        }
        chunk.clear();
    }

    /**
     * Uploads the blobs that samples already on the server are missing (a resumed upload).
     *
     * @param idsByName the server's sample ids by file name
     */
    Sent repair(List<Sample> existing, Map<String, String> idsByName) {
        List<Created> missing = new ArrayList<>();
        int chunk = Math.max(protocol.chunkSize(), 500);
        for (int from = 0; from < existing.size(); from += chunk) {
            missing.addAll(
                    protocol.missingBlobs(
                            existing.subList(from, Math.min(existing.size(), from + chunk)),
                            idsByName));
        }
        if (missing.isEmpty()) {
            return new Sent(existing.size(), 0, 0);
        }
        log.info(
                "{} samples already on the server are missing their thumbnail or image; "
                        + "uploading them",
                missing.size());
        long failed = 0;
        try (Progress bar = progress.start("repair", missing.size(), "img");
                BlobUploads blobs = new BlobUploads(client, source, putThreads, bar);
                Prefetcher<Created, PreparedSample> prepared =
                        new Prefetcher<>(
                                missing.iterator(),
                                c -> preparer.prepare(c.sample()),
                                prepareThreads,
                                4 * prepareThreads,
                                "prepare")) {
            for (Created c : missing) {
                PreparedSample p = prepared.next();
                if (p.error() != null) {
                    log.warn("cannot repair {}: {}", c.sample().fileName(), p.error());
                    failed++;
                    bar.step(1);
                } else {
                    blobs.submit(c, p.thumbnail());
                }
            }
            failed += blobs.await();
        }
        // an image that cannot be read now still lacks its blob on the server: not complete
        return new Sent(existing.size() - failed, 0, failed);
    }
}
