package org.lightlyjava.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HydraArgsTest {

    private static final Path WD = Path.of("/home/user/project");

    private static Config parse(String... words) {
        return HydraArgs.resolve(WD, List.of(words), Map.of());
    }

    @Test
    void parse_nestedKey_setsValue() {
        Config config = parse("trainer.max_epochs=10", "loader.batch_size=128");

        assertThat(config.integer("trainer.max_epochs")).isEqualTo(10);
        assertThat(config.integer("loader.batch_size")).isEqualTo(128);
        assertThat(config.integer("model.num_ftrs")).isEqualTo(32);
    }

    @Test
    void parse_plusAndPlusPlusPrefixes_setKnownKeys() {
        List<Assignment> assignments = HydraArgs.parse(List.of("+seed=7", "++trainer.gpus=0"));
        Config config = HydraArgs.apply(Config.defaults(WD), assignments, Map.of());

        assertThat(assignments).extracting(Assignment::prefix).containsExactly("+", "++");
        assertThat(config.integer("seed")).isEqualTo(7);
        assertThat(config.integer("trainer.gpus")).isZero();
    }

    @Test
    void parse_quotedValues_dropQuotesAndEscapes() {
        Config config =
                parse(
                        "new_dataset_name='my farm'",
                        "tag_name=\"a b\"",
                        "embedding_name='it\\'s'",
                        "dataset_id=\\(x\\)");

        assertThat(config.string("new_dataset_name")).isEqualTo("my farm");
        assertThat(config.string("tag_name")).isEqualTo("a b");
        assertThat(config.string("embedding_name")).isEqualTo("it's");
        assertThat(config.string("dataset_id")).isEqualTo("(x)");
    }

    @Test
    void parse_unquotedValue_isTrimmedAndMayBeEmpty() {
        Config config = parse("tag_name= spaced ", "embedding_name=");

        assertThat(config.string("tag_name")).isEqualTo("spaced");
        assertThat(config.string("embedding_name")).isEmpty();
    }

    @Test
    void parse_lists_becomeNumbers() {
        Config config =
                parse("collate.sigmas=[0.1,2.0]", "resize=[64, 32]", "collate.rr_degrees=null");

        assertThat(config.numbers("collate.sigmas")).containsExactly(0.1, 2.0);
        assertThat(config.numbers("resize")).containsExactly(64.0, 32.0);
        assertThat(config.numbers("collate.rr_degrees")).isEmpty();
    }

    @Test
    void parse_laterWordWins() {
        assertThat(parse("seed=1", "seed=2").integer("seed")).isEqualTo(2);
    }

    @Test
    void parse_numericToken_staysText() {
        assertThat(parse("token=00123").string("token")).isEqualTo("00123");
    }

    @Test
    void parse_relativePaths_resolveAgainstWorkingDir() {
        Config config =
                parse(
                        "input_dir=data/images",
                        "checkpoint=../models/last.ckpt",
                        "output_dir=/abs/out");

        assertThat(config.path("input_dir")).isEqualTo(WD.resolve("data/images"));
        assertThat(config.path("checkpoint")).isEqualTo(Path.of("/home/user/models/last.ckpt"));
        assertThat(config.path("output_dir")).isEqualTo(Path.of("/abs/out"));
    }

    @Test
    void parse_envToken_fillsWhenNotGiven() {
        Map<String, String> env =
                Map.of(
                        HydraArgs.ENV_TOKEN,
                        "env-token",
                        HydraArgs.ENV_SERVER_LOCATION,
                        "http://localhost:9000");

        Config config = HydraArgs.resolve(WD, List.of(), env);

        assertThat(config.string("token")).isEqualTo("env-token");
        assertThat(config.string("server_location")).isEqualTo("http://localhost:9000");
    }

    @Test
    void parse_envToken_commandLineWins() {
        Config config =
                HydraArgs.resolve(
                        WD, List.of("token=cli-token"), Map.of(HydraArgs.ENV_TOKEN, "env-token"));

        assertThat(config.string("token")).isEqualTo("cli-token");
    }

    @Test
    void parse_unknownKey_suggestsNestedKey() {
        assertThatThrownBy(() -> parse("max_epochs=5"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown key 'max_epochs': did you mean trainer.max_epochs?")
                .extracting(e -> ((ConfigException) e).key())
                .isEqualTo("max_epochs");
        assertThatThrownBy(() -> parse("batch_size=64"))
                .hasMessageContaining("did you mean loader.batch_size?");
    }

    @Test
    void parse_misspeltKey_suggestsClosest() {
        assertThatThrownBy(() -> parse("trainer.max_epoch=5"))
                .hasMessageContaining("did you mean trainer.max_epochs?");
        assertThatThrownBy(() -> parse("inpt_dir=x"))
                .hasMessageContaining("did you mean input_dir?");
    }

    @Test
    void parse_plusUnknownKey_explainsKeysAreFixed() {
        assertThatThrownBy(() -> parse("+trainer.accelerator=gpu"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'trainer.accelerator'")
                .hasMessageContaining("'+' cannot add keys");
    }

    @Test
    void parse_badValue_namesKeyValueAndExpectation() {
        assertThatThrownBy(() -> parse("trainer.max_epochs=ten"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid value 'ten' for trainer.max_epochs: expected an integer");
        assertThatThrownBy(() -> parse("upload=everything"))
                .hasMessageContaining("upload")
                .hasMessageContaining("everything")
                .hasMessageContaining("expected one of full, thumbnails");
    }

    @Test
    void parse_wordWithoutEquals_explainsSyntax() {
        assertThatThrownBy(() -> parse("./images"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a key=value setting")
                .hasMessageContaining("input_dir=./images");
        assertThatThrownBy(() -> parse("seed")).hasMessageContaining("write seed=<value>");
        assertThatThrownBy(() -> parse("hello")).hasMessageContaining("trainer.max_epochs=10");
    }

    @Test
    void parse_emptyKeyOrDeletion_isRejected() {
        assertThatThrownBy(() -> parse("=5")).hasMessageContaining("no key");
        assertThatThrownBy(() -> parse("~seed")).hasMessageContaining("not supported");
    }

    @Test
    void assignment_masksSecretsWhenPrinted() {
        Assignment token = HydraArgs.parse(List.of("++token=abc123")).get(0);

        assertThat(token.masked()).isEqualTo("++token=***");
        assertThat(token.toString()).doesNotContain("abc123");
        assertThat(token.value()).isEqualTo("abc123");
    }
}
