package org.lightlyjava.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigYamlTest {

    private static final Config CONFIG =
            HydraArgs.resolve(
                    Path.of("/wd"),
                    List.of(
                            "token=s3cr3t-token",
                            "trainer.max_epochs=10",
                            "collate.sigmas=[0.1,2]",
                            "input_dir=./farm"),
                    Map.of());

    @Test
    void write_nestsKeysWithTypedValues() throws Exception {
        JsonNode yaml = new YAMLMapper().readTree(ConfigYaml.write(CONFIG));

        assertThat(yaml.at("/trainer/max_epochs").asInt()).isEqualTo(10);
        assertThat(yaml.at("/trainer/max_epochs").isNumber()).isTrue();
        assertThat(yaml.at("/loader/shuffle").isBoolean()).isTrue();
        assertThat(yaml.at("/optimizer/lr").asDouble()).isEqualTo(1.0);
        assertThat(yaml.at("/collate/sigmas/0").asDouble()).isEqualTo(0.1);
        assertThat(yaml.at("/collate/sigmas/1").asInt()).isEqualTo(2);
        assertThat(yaml.at("/collate/rr_degrees").isNull()).isTrue();
        assertThat(yaml.at("/input_dir").asText()).isEqualTo("./farm");
        assertThat(yaml.at("/hydra/run/dir").asText())
                .isEqualTo("lightly_outputs/${now:%Y-%m-%d}/${now:%H-%M-%S}");
        assertThat(yaml.at("/trainer/precision").asInt()).isEqualTo(32);
    }

    @Test
    void write_masksToken() throws Exception {
        String text = ConfigYaml.write(CONFIG);

        assertThat(text).doesNotContain("s3cr3t-token");
        assertThat(new YAMLMapper().readTree(text).at("/token").asText()).isEqualTo("***");
    }

    @Test
    void write_filter_keepsOnlyChosenKeys() {
        String text = ConfigYaml.write(CONFIG, key -> key.startsWith("hydra."));

        assertThat(text).contains("hydra:").contains("dir:").doesNotContain("trainer");
    }

    @Test
    void overrides_isListOfMaskedWords() throws Exception {
        String text = ConfigYaml.overrides(HydraArgs.parse(List.of("token=s3cr3t", "+seed=3")));

        assertThat(text).doesNotContain("s3cr3t");
        JsonNode list = new YAMLMapper().readTree(text);
        assertThat(list.get(0).asText()).isEqualTo("token=***");
        assertThat(list.get(1).asText()).isEqualTo("+seed=3");
    }
}
