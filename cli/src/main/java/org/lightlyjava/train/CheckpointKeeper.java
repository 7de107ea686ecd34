package org.lightlyjava.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * PyTorch Lightning's {@code ModelCheckpoint} as Lightly configures it: after each epoch keep the
 * {@code save_top_k} epochs with the lowest loss as {@code lightly_epoch_<N>.ckpt} (all for -1,
 * none for 0) and, with {@code save_last}, the latest as {@code last.ckpt}.
 */
final class CheckpointKeeper {

    /** A kept epoch file and its loss. */
    record Kept(Path file, double loss, int epoch) {}

    private final Path dir;
    private final int topK;
    private final boolean saveLast;
    private final List<Kept> kept = new ArrayList<>();

    CheckpointKeeper(Path dir, int topK, boolean saveLast) {
        this.dir = dir;
        this.topK = topK;
        this.saveLast = saveLast;
    }

    static String epochFileName(int epoch) {
        return "lightly_epoch_" + epoch + ".ckpt";
    }

    Path lastFile() {
        return dir.resolve("last.ckpt");
    }

    /** Counts an earlier epoch file, found again when resuming, as kept. */
    void adopt(Path file, double loss, int epoch) {
        if (Files.isRegularFile(file)) {
            kept.add(new Kept(file, loss, epoch));
        }
    }

    /** Whether the epoch file of an epoch with this loss would be kept. */
    boolean wants(double loss) {
        if (topK < 0) {
            return true;
        }
        if (topK == 0) {
            return false;
        }
        return kept.size() < topK || loss < worst().loss();
    }

    boolean wantsLast() {
        return saveLast;
    }

    /** Records a written epoch file and deletes the files that fell out of the top k. */
    void keep(Path file, double loss, int epoch) throws IOException {
        kept.add(new Kept(file, loss, epoch));
        while (topK >= 0 && kept.size() > topK) {
            Kept drop = worst();
            kept.remove(drop);
            Files.deleteIfExists(drop.file());
        }
    }

    /** The kept file with the lowest loss, or {@code null}. */
    Path best() {
        return kept.stream()
                .min(Comparator.comparingDouble(Kept::loss))
                .map(Kept::file)
                .orElse(null);
    }

    private Kept worst() {
        return kept.stream()
                .max(Comparator.comparingDouble(Kept::loss).thenComparingInt(Kept::epoch))
                .orElseThrow();
    }
}
