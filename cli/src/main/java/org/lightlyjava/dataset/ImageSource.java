package org.lightlyjava.dataset;

import java.io.IOException;
import java.util.List;

/**
 * Where images come from: a local folder (or a mount), or an S3 prefix read directly. Lists its
 * samples once, in dataset order, and reads each one's bytes on demand; thread-safe.
 *
 * <p>A source may hold connections (an S3 client): whoever opens one closes it when the last read
 * is done. Closing a folder does nothing.
 */
public interface ImageSource extends AutoCloseable {

    /** Every accepted sample, in Lightly's dataset order. */
    List<Sample> samples();

    /** Class names in label order (the sub-folder names), or a single "" for a flat folder. */
    List<String> classes();

    /** Files that were found but refused (bad name, too long), each with the reason. */
    List<Rejected> rejected();

    /** The encoded bytes of a sample's file. */
    byte[] read(Sample sample) throws IOException;

    /** For messages, for example the absolute folder path. */
    String describe();

    /** Releases connections; reads fail afterwards. Idempotent. */
    @Override
    default void close() {}

    /**
     * A file the scan refused.
     *
     * @param fileName the relative name
     * @param reason why, for the user
     */
    record Rejected(String fileName, String reason) {}
}
