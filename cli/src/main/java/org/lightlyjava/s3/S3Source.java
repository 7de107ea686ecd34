package org.lightlyjava.s3;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lightlyjava.dataset.DatasetException;
import org.lightlyjava.dataset.DatasetLayout;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.dataset.Sample;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The images under an S3 prefix, read directly: listed once (every page of ListObjectsV2), each
 * object fetched with one GET, nothing written to disk. File names, labels and order are those of
 * the same prefix synced to a folder ({@code aws s3 sync}), since both go through {@link
 * DatasetLayout}. When reads come in dataset order, the next objects are fetched ahead on threads
 * of their own ({@link ReadAhead}), so the decoding threads (one per core) rarely wait for the
 * network. Thread-safe; close it to release the threads and the client's connections.
 */
public final class S3Source implements ImageSource {

    private final S3Client s3;
    private final boolean ownsClient;
    private final S3Location location;
    private final DatasetLayout.Layout layout;
    private final ReadAhead readAhead;
    private final AtomicBoolean closed = new AtomicBoolean();

    private S3Source(
            S3Client s3, boolean ownsClient, S3Location location, DatasetLayout.Layout layout) {
        this.s3 = s3;
        this.ownsClient = ownsClient;
        this.location = location;
        this.layout = layout;
        int depth = readAheadDepth();
        List<Sample> samples = layout.samples();
        this.readAhead =
                depth > 0 ? new ReadAhead(p -> get(samples.get(p)), samples.size(), depth) : null;
    }

    /**
     * Objects fetched ahead of the reading threads: {@code -Dlightly.s3.readahead}, by default 4
     * per core and at least 32 (enough to hide a 50 ms round trip at 640 images/s); 0 turns it off.
     */
    static int readAheadDepth() {
        return Math.max(
                0,
                Integer.getInteger(
                        "lightly.s3.readahead",
                        Math.max(32, 4 * Runtime.getRuntime().availableProcessors())));
    }

    /** Whether {@code input} ({@code input_dir}) is an {@code s3://} location. */
    public static boolean isS3(String input) {
        return S3Location.isS3(input);
    }

    /**
     * Lists {@code s3://bucket/prefix/} with credentials from the SDK's default chain.
     *
     * @param endpointUrl an S3-compatible endpoint, or {@code ""} for AWS S3
     * @throws DatasetException when the location or endpoint is malformed, or the bucket cannot be
     *     listed (missing, refused credentials, unreachable), with what to fix
     */
    public static S3Source open(String uri, String endpointUrl) {
        S3Location location = S3Location.parse(uri);
        S3Client s3 =
                S3Clients.create(
                        endpointUrl,
                        readAheadDepth() + 2 * Runtime.getRuntime().availableProcessors());
        try {
            String where = endpointUrl.isEmpty() ? "AWS S3" : "endpoint " + endpointUrl;
            return new S3Source(s3, true, location, S3Listing.list(s3, location, where));
        } catch (RuntimeException e) {
            s3.close();
            throw e;
        }
    }

    /** Lists {@code location} through a client the caller keeps (and closes). */
    static S3Source open(S3Client s3, S3Location location) {
        return new S3Source(s3, false, location, S3Listing.list(s3, location, "S3"));
    }

    @Override
    public List<Sample> samples() {
        return layout.samples();
    }

    @Override
    public List<String> classes() {
        return layout.classes();
    }

    @Override
    public List<Rejected> rejected() {
        return layout.rejected();
    }

    /** The object's bytes: fetched ahead when reads come in dataset order, else fetched now. */
    @Override
    public byte[] read(Sample sample) throws IOException {
        if (readAhead != null) {
            int position = Collections.binarySearch(samples(), sample, DatasetLayout.ORDER);
            if (position >= 0 && samples().get(position).equals(sample)) {
                return readAhead.read(position);
            }
        }
        return get(sample);
    }

    private byte[] get(Sample sample) throws IOException {
        String key = location.key(sample.fileName());
        try {
            return s3.getObjectAsBytes(request -> request.bucket(location.bucket()).key(key))
                    .asByteArrayUnsafe();
        } catch (SdkException e) {
            throw new IOException(location.uri(sample.fileName()) + ": " + S3Errors.reading(e), e);
        }
    }

    @Override
    public String describe() {
        return location.toString();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (readAhead != null) {
                readAhead.close();
            }
            if (ownsClient) {
                s3.close();
            }
        }
    }
}
