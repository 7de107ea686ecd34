package org.lightlyjava.dataset;

import java.io.IOException;
import java.util.List;

/**
 * Where images come from: a local folder (or a mount), or an S3 prefix read directly. Lists its
 * samples once, in dataset order, and reads each one's bytes on demand; thread-safe.
 */
public interface ImageSource {

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

    /**
     * A file the scan refused.
     *
     * @param fileName the relative name
     * @param reason why, for the user
     */
    record Rejected(String fileName, String reason) {}
}
