package org.lightlyjava.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lightlyjava.augment.SimClrAugment;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.model.CheckpointInfo;
import org.lightlyjava.model.Checkpoints;
import org.lightlyjava.model.Engines;
import org.lightlyjava.pipeline.ImageLoader;
import org.lightlyjava.pipeline.Prefetcher;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.Progress;
import org.lightlyjava.run.ToolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-supervised SimCLR training as lightly-train runs it (reference §2.1, §5): two augmented
 * views per image, NT-Xent loss, SGD, a checkpoint after every epoch. Worker threads decode and
 * augment the next images while the current step runs.
 */
public final class SimClrTrainer {

    private static final Logger log = LoggerFactory.getLogger(SimClrTrainer.class);

    /** How close to {@link NtXentLoss#collapsedValue} a step's loss counts as collapsed. */
    private static final double COLLAPSED = 1e-4;

    /**
     * How training ended.
     *
     * @param bestCheckpoint the kept epoch with the lowest loss (or last.ckpt when none is kept)
     * @param lastCheckpoint last.ckpt, or {@code null} with save_last=False
     * @param epochLosses mean loss of each epoch run now, in order
     * @param outcome images used, and distinct images that failed to load
     */
    public record Result(
            Path bestCheckpoint, Path lastCheckpoint, List<Double> epochLosses, Outcome outcome) {}

    private final TrainSettings settings;
    private final ImageLoader loader;
    private final Progress.Factory progress;
    private final String tool;

    public SimClrTrainer(
            TrainSettings settings, ImageLoader loader, Progress.Factory progress, String tool) {
        this.settings = settings;
        this.loader = loader;
        this.progress = progress;
        this.tool = tool;
    }

    public Result train(List<Sample> samples) throws IOException {
        int batchSize = Math.min(settings.batchSize(), samples.size());
        try (TrainingState state = TrainingState.open(settings, Engines.device(settings.gpus()))) {
            log.info(
                    "training {} (width {}, num_ftrs {}): {} parameters in the backbone, batch {}, "
                            + "epochs {}-{}",
                    state.model().name(),
                    state.model().width(),
                    state.model().numFtrs(),
                    state.network.backboneSize(),
                    batchSize,
                    state.firstEpoch + 1,
                    settings.epochs());
            Loop loop = new Loop(state, samples, batchSize);
            loop.run();
            Path last = loop.keeper.wantsLast() ? loop.keeper.lastFile() : null;
            Path best = loop.keeper.best() != null ? loop.keeper.best() : last;
            return new Result(
                    best,
                    last,
                    List.copyOf(loop.losses),
                    new Outcome(samples.size() - loop.failed.size(), loop.failed.size()));
        }
    }

    /** The state of one training run while it goes through its epochs. */
    private final class Loop {

        final TrainingState state;
        final List<Sample> samples;
        final int batchSize;
        final int length;
        final SimClrStep step;
        final Sgd sgd;
        final CheckpointKeeper keeper;
        final List<Double> losses = new ArrayList<>();
        final Set<String> failed = ConcurrentHashMap.newKeySet();
        final float[] view0;
        final float[] view1;
        int filled;
        long globalStep;
        double lossSum;
        int steps;
        int collapsedSteps;
        boolean collapseReported;
        Progress bar;

        Loop(TrainingState state, List<Sample> samples, int batchSize) {
            this.state = state;
            this.samples = samples;
            this.batchSize = batchSize;
            this.length = 3 * settings.inputSize() * settings.inputSize();
            this.sgd =
                    new Sgd(
                            state.network.trainableParameters(),
                            settings.weightDecay(),
                            settings.momentum(),
                            state.network.manager(),
                            state.momentum);
            this.step =
                    new SimClrStep(
                            state.network, state.loss, sgd, schedule(), settings.inputSize());
            this.keeper =
                    new CheckpointKeeper(
                            settings.checkpointDir(), settings.saveTopK(), settings.saveLast());
            this.view0 = new float[batchSize * length];
            this.view1 = new float[batchSize * length];
            this.globalStep = state.firstStep;
            if (state.resumedFrom != null) {
                keeper.adopt(
                        settings.checkpointDir()
                                .resolve(CheckpointKeeper.epochFileName(state.resumedFrom.epoch())),
                        state.resumedFrom.loss(),
                        state.resumedFrom.epoch());
            }
        }

        /** The rate of each step; the run's length in steps is known before it starts. */
        private LearningRate schedule() {
            long perEpoch =
                    settings.dropLast()
                            ? samples.size() / batchSize
                            : (samples.size() + batchSize - 1) / batchSize;
            return new LearningRate(
                    settings.learningRate(),
                    settings.cosine(),
                    settings.warmupEpochs() * perEpoch,
                    settings.epochs() * perEpoch);
        }

        void run() throws IOException {
            if (state.firstEpoch >= settings.epochs()) {
                log.info(
                        "nothing to train: already at epoch {} of {}",
                        state.firstEpoch,
                        settings.epochs());
                return;
            }
            SimClrAugment augment = new SimClrAugment(settings.augment());
            EpochPlan plan =
                    new EpochPlan(
                            samples.size(),
                            settings.shuffle(),
                            settings.seed(),
                            state.firstEpoch,
                            settings.epochs());
            int window = Math.max(2 * batchSize, 4 * settings.threads());
            try (Prefetcher<EpochPlan.Visit, Views> views =
                    new Prefetcher<>(
                            plan,
                            visit ->
                                    Views.make(
                                            visit,
                                            samples.get(visit.index()),
                                            loader,
                                            augment,
                                            settings.inputSize(),
                                            settings.seed()),
                            settings.threads(),
                            window,
                            "augment")) {
                while (views.hasNext()) {
                    Views next = views.next();
                    if (next.visit().position() == 0) {
                        startEpoch(next.visit().epoch());
                    }
                    add(next);
                    if (next.visit().position() == samples.size() - 1) {
                        endEpoch(next.visit().epoch());
                    }
                }
            }
        }

        private void startEpoch(int epoch) {
            lossSum = 0;
            steps = 0;
            collapsedSteps = 0;
            filled = 0;
            int total =
                    settings.dropLast()
                            ? samples.size() / batchSize
                            : (samples.size() + batchSize - 1) / batchSize;
            bar = progress.start("epoch " + (epoch + 1) + "/" + settings.epochs(), total, "step");
        }

        private void add(Views views) {
            if (views.error() != null) {
                if (failed.add(views.sample().fileName())) {
                    log.warn(
                            "skipped {} in training: {}", views.sample().fileName(), views.error());
                }
                return;
            }
            System.arraycopy(views.view0(), 0, view0, filled * length, length);
            System.arraycopy(views.view1(), 0, view1, filled * length, length);
            filled++;
            if (filled == batchSize) {
                runStep();
            }
        }

        private void runStep() {
            float loss = step.run(view0, view1, filled, globalStep);
            if (!Float.isFinite(loss)) {
                throw new ToolException(
                        ExitCode.INTERNAL,
                        "training diverged: the loss is "
                                + loss
                                + " at step "
                                + globalStep
                                + "; lower optimizer.lr");
            }
            if (Math.abs(loss - state.loss.collapsedValue(filled)) < COLLAPSED) {
                collapsedSteps++;
            }
            filled = 0;
            globalStep++;
            steps++;
            lossSum += loss;
            bar.status(String.format("loss=%.4f", loss));
            bar.step(1);
        }

        private void endEpoch(int epoch) throws IOException {
            if (filled > 0 && !settings.dropLast()) {
                runStep();
            }
            if (steps > 0) {
                // the epoch's one line: its bar (or progress line) ends with the mean loss
                bar.status(
                        String.format(java.util.Locale.ROOT, "loss=%.4f (mean)", lossSum / steps));
            }
            bar.close();
            if (steps == 0) {
                throw new ToolException(
                        ExitCode.CONFIG,
                        "epoch "
                                + (epoch + 1)
                                + " had no full batch "
                                + "of usable images ("
                                + failed.size()
                                + " failed); lower loader.batch_size "
                                + "or set loader.drop_last=False");
            }
            double mean = lossSum / steps;
            losses.add(mean);
            log.debug(
                    "epoch {}/{}: loss {} over {} steps",
                    epoch + 1,
                    settings.epochs(),
                    String.format("%.4f", mean),
                    steps);
            if (collapsedSteps == steps && !collapseReported) {
                collapseReported = true;
                log.warn(
                        "epoch {}: the embeddings have collapsed (every image gets the same"
                                + " projection, so the loss sits at {}) and training no longer"
                                + " learns; the kept checkpoints with a lower loss are still"
                                + " good. Train again with a lower optimizer.lr",
                        epoch + 1,
                        String.format("%.4f", mean));
            }
            save(epoch, mean);
        }

        private void save(int epoch, double loss) throws IOException {
            CheckpointInfo info =
                    new CheckpointInfo(
                            Checkpoints.FORMAT,
                            state.model(),
                            settings.inputSize(),
                            epoch,
                            globalStep,
                            loss,
                            settings.seed(),
                            tool,
                            Engines.describe(),
                            Instant.now().toString(),
                            state.loss.bankPointer());
            Path written = null;
            if (keeper.wants(loss)) {
                written = settings.checkpointDir().resolve(CheckpointKeeper.epochFileName(epoch));
                Checkpoints.save(written, state.network, info, state.loss.bank(), sgd.buffers());
                keeper.keep(written, loss, epoch);
            }
            if (keeper.wantsLast()) {
                if (written != null) {
                    Checkpoints.copy(written, keeper.lastFile());
                } else {
                    Checkpoints.save(
                            keeper.lastFile(),
                            state.network,
                            info,
                            state.loss.bank(),
                            sgd.buffers());
                }
            }
        }
    }
}
