package org.lightlyjava.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Checkpoint files ({@code .ckpt}): a zip holding {@code meta.json} ({@link CheckpointInfo}),
 * {@code backbone.params} and {@code head.params} (DJL parameter streams) and, when the loss uses
 * a memory bank, {@code memory_bank.ndarray}. Written atomically: a crash never leaves a torn file.
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

    /** Writes {@code network} and {@code info} (and the memory bank, when not null) to {@code file}. */
    public static void save(Path file, SimClrNetwork network, CheckpointInfo info, NDArray memoryBank)
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

    /** Reads only the description of a checkpoint. */
    public static CheckpointInfo info(Path file) throws IOException {
        return JSON.readValue(entries(file).get(META), CheckpointInfo.class);
    }

    /**
     * Rebuilds the network the checkpoint describes and loads its weights.
     *
     * @throws IOException when the file is not a lightly-java checkpoint or does not fit
     */
    public static Loaded load(Path file, Device device) throws IOException {
        Map<String, byte[]> entries = entries(file);
        CheckpointInfo info = JSON.readValue(entries.get(META), CheckpointInfo.class);
        if (info.format() > FORMAT) {
            throw new IOException(file + " has checkpoint format " + info.format()
                    + ", newer than this tool reads (" + FORMAT + ")");
        }
        require(entries, BACKBONE, file);
        require(entries, HEAD, file);
        SimClrNetwork network = SimClrNetwork.create(info.model(), device, info.inputSize());
        try {
            network.loadParameters(
                    new DataInputStream(new ByteArrayInputStream(entries.get(BACKBONE))),
                    new DataInputStream(new ByteArrayInputStream(entries.get(HEAD))));
            NDArray bank = null;
            if (entries.containsKey(BANK)) {
                NDManager manager = network.manager();
                bank = NDArray.decode(manager, entries.get(BANK));
            }
            return new Loaded(network, info, bank);
        } catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /** Whether {@code file} looks like a checkpoint of ours (a zip with {@code meta.json}). */
    public static boolean isCheckpoint(Path file) {
        try {
            return entries(file).containsKey(META);
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (InputStream raw = Files.newInputStream(file);
                ZipInputStream zip = new ZipInputStream(raw)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                out.put(entry.getName(), zip.readAllBytes());
            }
        }
        if (!out.containsKey(META)) {
            throw new IOException(file + " is not a lightly-java checkpoint (no " + META + ")");
        }
        return out;
    }

    private static void require(Map<String, byte[]> entries, String name, Path file)
            throws IOException {
        if (!entries.containsKey(name)) {
            throw new IOException(file + " is incomplete: " + name + " is missing");
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
