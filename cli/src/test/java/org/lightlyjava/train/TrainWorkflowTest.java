package org.lightlyjava.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.config.Config;
import org.lightlyjava.embed.EmbedWorkflow;
import org.lightlyjava.model.Checkpoints;
import org.lightlyjava.run.ToolException;
import org.lightlyjava.testing.Contexts;
import org.lightlyjava.testing.FileServer;
import org.lightlyjava.testing.Parity;
import org.lightlyjava.testing.TestImages;
import org.slf4j.LoggerFactory;

class TrainWorkflowTest {

    @TempDir Path dir;

    @Test
    void train_oneEpoch_writesEpochAndLastCheckpoints_usableForEmbedding() throws IOException {
        TestImages.classFolders(dir.resolve("data"), 2, 8, 40, 40);
        Config config =
                Contexts.tiny(dir).with("input_dir", "data").with("trainer.max_epochs", "1");
        StringWriter out = new StringWriter();

        SimClrTrainer.Result result =
                TrainWorkflow.run(Contexts.in(dir.resolve("run"), config, out), "test");

        assertThat(result.bestCheckpoint()).isEqualTo(dir.resolve("run/lightly_epoch_0.ckpt"));
        assertThat(result.lastCheckpoint()).isEqualTo(dir.resolve("run/last.ckpt"));
        assertThat(result.epochLosses()).hasSize(1);
        assertThat(Checkpoints.info(result.bestCheckpoint()).epoch()).isZero();
        assertThat(out.toString()).contains("Best model is stored at: " + result.bestCheckpoint());

        Config embed = config.with("checkpoint", result.bestCheckpoint().toString());
        EmbedWorkflow.Result embedded =
                EmbedWorkflow.run(Contexts.in(dir.resolve("embed"), embed, new StringWriter()));
        assertThat(Files.readAllLines(embedded.embeddings())).hasSize(17);
    }

    @Test
    void train_onASmallSet_lowersTheLoss() {
        // Crops and flips only: with colour jitter, a few steps on a tiny synthetic set barely
        // move.
        TestImages.classFolders(dir.resolve("data"), 2, 16, 32, 32);
        Config config =
                Contexts.tiny(dir)
                        .with("input_dir", "data")
                        .with("trainer.max_epochs", "6")
                        .with("optimizer.lr", "0.1")
                        .with("checkpoint_callback.save_top_k", "0")
                        .with("collate.cj_prob", "0")
                        .with("collate.gaussian_blur", "0")
                        .with("collate.random_gray_scale", "0");

        SimClrTrainer.Result result =
                TrainWorkflow.run(
                        Contexts.in(dir.resolve("run"), config, new StringWriter()), "test");

        double first = result.epochLosses().get(0);
        double lastTwo = (result.epochLosses().get(4) + result.epochLosses().get(5)) / 2;
        assertThat(lastTwo).as("losses %s", result.epochLosses()).isLessThan(first - 0.4);
    }

    @Test
    void train_collapsedEmbeddings_areReportedOnce() {
        // identical images, no augmentation: every projection is the same from the first step,
        // which is what a collapsed network gives
        SplittableRandom random = new SplittableRandom(1);
        var image = TestImages.image(2, 32, 32, random);
        for (int i = 0; i < 8; i++) {
            TestImages.write(image, dir.resolve("data/same_" + i + ".jpg"));
        }
        Config config =
                Contexts.tiny(dir)
                        .with("input_dir", "data")
                        .with("trainer.max_epochs", "2")
                        .with("checkpoint_callback.save_top_k", "0")
                        .with("collate.cj_prob", "0")
                        .with("collate.gaussian_blur", "0")
                        .with("collate.random_gray_scale", "0")
                        .with("collate.hf_prob", "0")
                        .with("collate.min_scale", "1.0");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(SimClrTrainer.class);
        logs.start();
        logger.addAppender(logs);
        try {
            TrainWorkflow.run(Contexts.in(dir.resolve("run"), config, new StringWriter()), "test");
        } finally {
            logger.detachAppender(logs);
        }

        List<String> warnings =
                logs.list.stream()
                        .filter(e -> e.getLevel() == Level.WARN)
                        .map(ILoggingEvent::getFormattedMessage)
                        .toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0))
                .startsWith("epoch 1: the embeddings have collapsed")
                .contains("lower optimizer.lr");
    }

    @Test
    void train_sameSeed_sameLosses_andResumeEndsWhereAnUninterruptedRunEnds() throws IOException {
        TestImages.classFolders(dir.resolve("data"), 2, 8, 32, 32);
        Config config =
                Contexts.tiny(dir)
                        .with("input_dir", "data")
                        .with("trainer.max_epochs", "3")
                        .with("checkpoint_callback.save_top_k", "-1")
                        .with("optimizer.lr", "0.1");

        SimClrTrainer.Result full =
                TrainWorkflow.run(Contexts.in(dir.resolve("a"), config, new StringWriter()), "t");
        SimClrTrainer.Result again =
                TrainWorkflow.run(Contexts.in(dir.resolve("b"), config, new StringWriter()), "t");
        assertThat(again.epochLosses()).containsExactlyElementsOf(full.epochLosses());

        // Resume run b from its first epoch: the last two epochs must repeat exactly.
        Config resume =
                config.with(
                        "trainer.resume_from_checkpoint",
                        dir.resolve("b/lightly_epoch_0.ckpt").toString());
        SimClrTrainer.Result resumed =
                TrainWorkflow.run(Contexts.in(dir.resolve("c"), resume, new StringWriter()), "t");
        assertThat(resumed.epochLosses())
                .containsExactlyElementsOf(full.epochLosses().subList(1, 3));
        assertThat(Checkpoints.info(resumed.lastCheckpoint()).globalStep())
                .isEqualTo(Checkpoints.info(full.lastCheckpoint()).globalStep());
    }

    @Test
    void train_withMomentumAndCosine_resumesExactly() throws IOException {
        assertResumesExactly(
                Contexts.tiny(dir)
                        .with("optimizer.lr", "0.05")
                        .with("optimizer.momentum", "0.9")
                        .with("optimizer.scheduler", "cosine")
                        .with("optimizer.warmup_epochs", "1"));
    }

    @Test
    void train_withMemoryBank_trainsAndResumesExactly() throws IOException {
        assertResumesExactly(
                Contexts.tiny(dir)
                        .with("loader.batch_size", "4")
                        .with("criterion.memory_bank_size", "24")
                        .with("optimizer.lr", "0.1"));
    }

    /** Three epochs, then a run resumed after the first: its two epochs repeat exactly. */
    private void assertResumesExactly(Config base) throws IOException {
        TestImages.classFolders(dir.resolve("data"), 2, 8, 32, 32);
        Config config =
                base.with("input_dir", "data")
                        .with("trainer.max_epochs", "3")
                        .with("checkpoint_callback.save_top_k", "-1");
        SimClrTrainer.Result full =
                TrainWorkflow.run(Contexts.in(dir.resolve("a"), config, new StringWriter()), "t");
        assertThat(full.epochLosses()).hasSize(3).allSatisfy(l -> assertThat(l).isFinite());
        Config resume =
                config.with(
                        "trainer.resume_from_checkpoint",
                        dir.resolve("a/lightly_epoch_0.ckpt").toString());
        SimClrTrainer.Result resumed =
                TrainWorkflow.run(Contexts.in(dir.resolve("b"), resume, new StringWriter()), "t");
        assertThat(resumed.epochLosses())
                .containsExactlyElementsOf(full.epochLosses().subList(1, 3));
    }

    @Test
    void train_fromLightlysZooWeights_startsFromThem() throws IOException {
        TestImages.classFolders(dir.resolve("data"), 2, 8, 32, 32);
        try (FileServer zoo =
                new FileServer()
                        .put(
                                "/zoo/" + Parity.ZOO_FILE,
                                Files.readAllBytes(Parity.file(Parity.ZOO_FILE)))) {
            Config config =
                    Contexts.tiny(dir)
                            .with("input_dir", "data")
                            .with("model.width", "0.125")
                            .with("model.num_ftrs", "16")
                            .with("pre_trained", "True")
                            .with("trainer.max_epochs", "1")
                            .with("optimizer.lr", "0.01");
            SimClrTrainer.Result result =
                    TrainWorkflow.run(
                            Contexts.in(
                                    dir.resolve("run"),
                                    config,
                                    new StringWriter(),
                                    Contexts.online(dir, zoo.url("/zoo/"))),
                            "t");
            assertThat(zoo.requests()).isEqualTo(1);
            assertThat(result.epochLosses()).hasSize(1);
            assertThat(Checkpoints.info(result.lastCheckpoint()).model().width()).isEqualTo(0.125);
        }
    }

    @Test
    void resume_fromACheckpointLightlyJavaDidNotWrite_isAConfigError() {
        TestImages.classFolders(dir.resolve("data"), 2, 4, 32, 32);
        Config config =
                Contexts.tiny(dir)
                        .with("input_dir", "data")
                        .with("model.width", "0.125")
                        .with("model.num_ftrs", "16")
                        .with("trainer.max_epochs", "1")
                        .with(
                                "trainer.resume_from_checkpoint",
                                Parity.file("lightly_epoch_7.ckpt").toString());
        assertThatThrownBy(
                        () ->
                                TrainWorkflow.run(
                                        Contexts.in(dir.resolve("r"), config, new StringWriter()),
                                        "t"))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("not written by lightly-java")
                .hasMessageContaining("pass it as checkpoint=");
    }
}
