package org.lightlyjava.server.store;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.function.ObjIntConsumer;

/** The samples of a dataset, in creation order. */
public interface SampleStore {

    /**
     * Creates the samples whose file names the dataset does not have yet, giving them the next
     * indices in request order; the others are left as they are. One transaction.
     *
     * @param samples distinct file names
     * @param maxSamples the most samples the dataset may have
     * @return one item per requested sample, in request order
     * @throws MissingException when the dataset is gone
     * @throws CapacityException when the new samples would exceed {@code maxSamples}
     */
    List<BatchItem> insertBatch(
            String datasetId, List<NewSample> samples, long maxSamples, long now);

    Optional<SampleRecord> find(String datasetId, String sampleId);

    /**
     * Streams samples in index order to {@code sink} while the query runs.
     *
     * @param fileName only the sample with this file name, or null for all
     */
    void forEach(
            String datasetId,
            String fileName,
            long offset,
            long limit,
            Consumer<SampleRecord> sink);

    /** A page of samples, sorted and filtered as the query says, with the listing's total. */
    SamplePage list(String datasetId, SampleQuery query);

    /** The indices of the dataset's samples that pass all these filters. */
    BitSet matching(String datasetId, List<SampleQuery.Range> filters);

    /**
     * Streams one column of every sample in index order: {@code fileName} or {@code id}.
     *
     * @param fileNames true for file names, false for ids
     */
    void forEachName(String datasetId, boolean fileNames, Consumer<String> sink);

    /**
     * Streams one column of the samples whose index {@code wanted} accepts, in index order, with
     * their index: a tag's file names, or the members of duplicate groups.
     *
     * @param fileNames true for file names, false for ids
     */
    default void forEachNameAt(
            String datasetId, boolean fileNames, IntPredicate wanted, ObjIntConsumer<String> sink) {
        int[] index = {0};
        forEachName(
                datasetId,
                fileNames,
                value -> {
                    if (wanted.test(index[0])) {
                        sink.accept(value, index[0]);
                    }
                    index[0]++;
                });
    }

    /**
     * Applies a change.
     *
     * @return false when the sample does not exist
     * @throws DuplicateException when the new file name is taken
     */
    boolean update(String datasetId, String sampleId, SampleChange change, long now);

    /** Records that the server now holds this blob of the sample; false when it is gone. */
    boolean markHeld(String datasetId, String sampleId, SampleBlob blob, long now);
}
