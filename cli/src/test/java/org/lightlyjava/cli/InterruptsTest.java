package org.lightlyjava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.config.Config;

class InterruptsTest {

    @TempDir Path dir;

    @Test
    void message_training_namesCheckpointAndResumeCommand() {
        String line =
                Interrupts.message(
                        "SIGINT",
                        Tool.TRAIN,
                        Optional.of("during epoch 3/10 (2/5 step)"),
                        Optional.of(Path.of("/r/last.ckpt")),
                        List.of(
                                "input_dir=my data",
                                "trainer.resume_from_checkpoint=/old.ckpt",
                                "seed=2"));

        assertThat(line)
                .isEqualTo(
                        "lightly-train: interrupted (SIGINT) during epoch 3/10 (2/5 step); kept"
                                + " checkpoint /r/last.ckpt; resume with: lightly-train"
                                + " 'input_dir=my data' seed=2"
                                + " trainer.resume_from_checkpoint=/r/last.ckpt");
    }

    @Test
    void message_upload_saysTheSameCommandContinues() {
        assertThat(
                        Interrupts.message(
                                "SIGTERM",
                                Tool.UPLOAD,
                                Optional.of("during upload (40/100 img)"),
                                Optional.empty(),
                                List.of("input_dir=data", "new_dataset_name=farm")))
                .isEqualTo(
                        "lightly-upload: interrupted (SIGTERM) during upload (40/100 img); the"
                                + " same command continues where this one stopped:"
                                + " lightly-upload input_dir=data new_dataset_name=farm");
    }

    @Test
    void keptCheckpoint_prefersLastThenTheNewestEpoch() throws Exception {
        Config config = Config.defaults(dir);
        assertThat(Interrupts.keptCheckpoint(Tool.TRAIN, config, dir)).isEmpty();
        Path epoch = Files.writeString(dir.resolve("lightly_epoch_2.ckpt"), "x");
        assertThat(Interrupts.keptCheckpoint(Tool.TRAIN, config, dir)).contains(epoch);
        Path last = Files.writeString(dir.resolve("last.ckpt"), "x");
        assertThat(Interrupts.keptCheckpoint(Tool.MAGIC, config, dir)).contains(last);
        assertThat(Interrupts.keptCheckpoint(Tool.EMBED, config, dir)).isEmpty();
    }
}
