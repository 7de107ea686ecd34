package org.lightlyjava.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Checkpoint files ({@code .ckpt}): a zip holding {@code meta.json} ({@link CheckpointInfo}),
 * {@code backbone.params} and {@code head.params} (DJL parameter streams) and, when the loss uses a
 * memory bank, {@code memory_bank.ndarray}. Written atomically: a crash never leaves a torn file.
 */
public final class Checkpoints {

    /** Version of the file layout. */
    public static final int FORMAT = 1;

    private static final String META = "meta.json";
    private static final String BACKBONE = "backbone.params";
    private static final String HEAD = "head.params";
    private static final String BANK = "memory_bank.ndarray";
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Checkpoints() {}

    /** A loaded checkpoint: the network (caller closes it) and what the file says about it. */
    public record Loaded(SimClrNetwork network, CheckpointInfo info, NDArray memoryBank) {}

    /**
     * Writes {@code network} and {@code info} (and the memory bank, when not null) to {@code file}.
     */
    public static void save(
            Path file, SimClrNetwork network, CheckpointInfo info, NDArray memoryBank)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream raw = Files.newOutputStream(tmp);
                ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(raw))) {
            put(zip, META, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(info));
            ByteArrayOutputStream backbone = new ByteArrayOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            network.saveParameters(new DataOutputStream(backbone), new DataOutputStream(head));
            put(zip, BACKBONE, backbone.toByteArray());
            put(zip, HEAD, head.toByteArray());
            if (memoryBank != null) {
                put(zip, BANK, memoryBank.encode());
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Copies a checkpoint file atomically, for example an epoch file to {@code last.ckpt}. */
    public static void copy(Path from, Path to) throws IOException {
        Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
        Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads only the description of a checkpoint. */
    public static CheckpointInfo info(Path file) throws IOException {
        try (ZipFile zip = open(file)) {
            return JSON.readValue(entry(zip, META, file), CheckpointInfo.class);
        }
    }

    /**
     * Rebuilds the network the checkpoint describes and loads its weights.
     *
     * @throws IOException when the file is not a lightly-java checkpoint or does not fit
     */
    public static Loaded load(Path file, Device device) throws IOException {
        try (ZipFile zip = open(file)) {
            CheckpointInfo info = JSON.readValue(entry(zip, META, file), CheckpointInfo.class);
            if (info.format() > FORMAT) {
                throw new IOException(
                        file
                                + " has checkpoint format "
                                + info.format()
                                + ", newer than this tool reads ("
                                + FORMAT
                                + ")");
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
                return new Loaded(network, info, bank);
            } catch (IOException | RuntimeException e) {
                network.close();
                throw e;
            }
        }
    }

    /** Whether {@code file} looks like a checkpoint of ours (a zip with {@code meta.json}). */
    public static boolean isCheckpoint(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(META) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static ZipFile open(Path file) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new IOException(file + " is not a lightly-java checkpoint (not a zip file)", e);
        }
        if (zip.getEntry(META) == null) {
            zip.close();
            throw new IOException(file + " is not a lightly-java checkpoint (no " + META + ")");
        }
        return zip;
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

    /**
     * Stores entries uncompressed: float weights barely compress, and deflating 45 MB takes
     * seconds.
     */
    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
