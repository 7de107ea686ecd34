package org.lightlyjava.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the checkpoints lightly-java 0.1 wrote (format 1): a zip of {@code meta.json} ({@link
 * CheckpointInfo}), {@code backbone.params} and {@code head.params} (DJL parameter streams) and
 * optionally {@code memory_bank.ndarray}. New checkpoints are PyTorch files ({@link Checkpoints}).
 */
final class LegacyCheckpoints {

    private static final String META = "meta.json";
    private static final String BACKBONE = "backbone.params";
    private static final String HEAD = "head.params";
    private static final String BANK = "memory_bank.ndarray";
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LegacyCheckpoints() {}

    /** Whether {@code file} is a zip with {@code meta.json}. */
    static boolean isCheckpoint(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(META) != null;
        } catch (IOException e) {
            return false;
        }
    }

    static CheckpointInfo info(Path file) throws IOException {
        try (ZipFile zip = open(file)) {
            return JSON.readValue(entry(zip, META, file), CheckpointInfo.class);
        }
    }

    static Checkpoints.Loaded load(Path file, Device device) throws IOException {
        try (ZipFile zip = open(file)) {
            CheckpointInfo info = JSON.readValue(entry(zip, META, file), CheckpointInfo.class);
            if (info.format() != 1) {
                throw new IOException(
                        file + " has checkpoint format " + info.format() + " in meta.json");
            }
            byte[] backbone = entry(zip, BACKBONE, file);
            byte[] head = entry(zip, HEAD, file);
            SimClrNetwork network = SimClrNetwork.create(info.model(), device, info.inputSize());
            try {
                network.loadParameters(
                        new DataInputStream(new ByteArrayInputStream(backbone)),
                        new DataInputStream(new ByteArrayInputStream(head)));
                NDArray bank =
                        zip.getEntry(BANK) == null
                                ? null
                                : NDArray.decode(network.manager(), entry(zip, BANK, file));
                return new Checkpoints.Loaded(network, info, bank);
            } catch (IOException | RuntimeException e) {
                network.close();
                throw e;
            }
        }
    }

    private static ZipFile open(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new IOException(file + " is not a lightly-java checkpoint (not a zip file)", e);
        }
    }

    private static byte[] entry(ZipFile zip, String name, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException(file + " is incomplete: " + name + " is missing");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
