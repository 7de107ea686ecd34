package org.lightlyjava.server.service;

import java.time.Duration;
import java.util.BitSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.DatasourceRecord;
import org.lightlyjava.server.store.SampleRecord;
import org.lightlyjava.server.store.SampleStore;
import org.lightlyjava.server.store.TagRecord;

/**
 * The samples of a tag as Lightly's export routes hand them out ({@code
 * .../tags/{tagId}/export/...}): in creation order, a page at a time, each with the text its {@link
 * NameFormat} asks for. Streamed while the database is read: a tag of a million samples is never
 * held in memory.
 */
public final class TagExports {

    /** Lightly's {@code FileNameFormat}: what stands for a sample. */
    public enum NameFormat {
        /** The file name. */
        NAME,
        /** Where the image lives: the datasource's full path and the file name. */
        DATASOURCE_FULL,
        /** A URL that reads the image without a token (the thumbnail when there is no image). */
        REDIRECTED_READ_URL;

        /**
         * Lightly's name of a format; null: {@code fallback}.
         *
         * @throws ApiProblem 400 naming {@code fileNameFormat} for any other value
         */
        public static NameFormat parse(String value, NameFormat fallback) {
            if (value == null || value.isEmpty()) {
                return fallback;
            }
            for (NameFormat format : values()) {
                if (format.name().equals(value)) {
                    return format;
                }
            }
            throw ApiProblem.badRequest(
                    "fileNameFormat must be NAME, DATASOURCE_FULL or REDIRECTED_READ_URL, got '"
                            + Ids.shorten(value)
                            + "'");
        }
    }

    /**
     * One sample of the export.
     *
     * @param position its place among the tag's samples (0 is the tag's first sample), the same on
     *     every page
     * @param text what the export's {@link NameFormat} asks for; null when it asks for a read URL
     *     and the sample's image and thumbnail are nowhere to read
     */
    public record Row(long position, SampleRecord sample, String text) {}

    private final SampleStore samples;
    private final SampleUrls urls;

    TagExports(SampleStore samples, SampleUrls urls) {
        this.samples = samples;
        this.urls = urls;
    }

    /**
     * A page of a tag's samples, to be streamed to a sink. What can fail before the first row (the
     * datasources opening) fails here, so the caller can still answer with an error.
     *
     * @param tag a tag of {@code dataset} ({@link TagService#get})
     * @param preview only the page's first sample (Lightly's {@code previewExample})
     * @param base the server's URL as the client reaches it, for read URLs
     * @param ttl how long read URLs last; null: the server's read lifetime
     */
    public Consumer<Consumer<Row>> page(
            DatasetRecord dataset,
            TagRecord tag,
            NameFormat format,
            Page page,
            boolean preview,
            String base,
            Duration ttl) {
        BitSet members = BitMask.parse(tag.bitMaskData()).toBitSet();
        long limit = preview ? Math.min(1, page.limit()) : page.limit();
        int first = nthMember(members, page.offset());
        if (first < 0) {
            return sink -> {};
        }
        Function<SampleRecord, String> text = text(dataset, format, base, ttl);
        long span = span(members, first, limit);
        long end = page.offset() + limit;
        return sink -> {
            long[] position = {page.offset()};
            samples.forEach(
                    dataset.id(),
                    null,
                    first,
                    span,
                    sample -> {
                        if (position[0] < end && members.get((int) sample.index())) {
                            sink.accept(new Row(position[0]++, sample, text.apply(sample)));
                        }
                    });
        };
    }

    private Function<SampleRecord, String> text(
            DatasetRecord dataset, NameFormat format, String base, Duration ttl) {
        return switch (format) {
            case NAME -> SampleRecord::fileName;
            case REDIRECTED_READ_URL -> urls.reader(dataset, base, ttl);
            case DATASOURCE_FULL -> {
                DatasourceRecord source = urls.datasources().targets(dataset.id()).fullRead();
                yield source == null
                        ? SampleRecord::fileName
                        : sample -> source.fullPath() + sample.fileName();
            }
        };
    }

    /** The index of the {@code n}-th (from 0) set bit, or -1 when there are not that many. */
    private static int nthMember(BitSet members, long n) {
        int index = members.nextSetBit(0);
        for (long i = 0; i < n && index >= 0; i++) {
            index = members.nextSetBit(index + 1);
        }
        return index;
    }

    /** How many creation indices from {@code first} hold the next {@code limit} members. */
    private static long span(BitSet members, int first, long limit) {
        int last = first;
        for (long i = 1; i < limit; i++) {
            int next = members.nextSetBit(last + 1);
            if (next < 0) {
                break;
            }
            last = next;
        }
        return (long) last - first + 1;
    }
}
