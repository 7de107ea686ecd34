package org.lightlyjava.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworksTest {

    /** Parameter counts of the same backbones built by bench/torch_ref.py in PyTorch. */
    @ParameterizedTest
    @CsvSource({
        "resnet-9, 0.125, 79438",
        "resnet-18, 1.0, 11185254",
        "resnet-34, 0.25, 1337462",
        "resnet-50, 0.25, 1495478"
    })
    void backbone_hasLightlysParameterCount(String name, double width, long expected) {
        try (SimClrNetwork net =
                SimClrNetwork.create(new ModelSpec(name, width, 32, 128), Device.cpu(), 32)) {
            assertThat(net.backboneSize()).isEqualTo(expected);
        }
    }

    @Test
    void embed_givesOneRowOfNumFtrsPerImage_andProjectMapsToOutDim() {
        try (SimClrNetwork net =
                        SimClrNetwork.create(
                                new ModelSpec("resnet-9", 0.125, 16, 24), Device.cpu(), 32);
                NDManager batch = net.manager().newSubManager()) {
            NDArray images = batch.randomNormal(new Shape(3, 3, 32, 32));
            NDArray embeddings = net.embed(images, false);
            assertThat(embeddings.getShape()).isEqualTo(new Shape(3, 16));
            assertThat(net.project(embeddings, false).getShape()).isEqualTo(new Shape(3, 24));
        }
    }

    @Test
    void create_sameSeed_sameWeights_otherSeed_otherWeights() {
        float[] first = embedConstant(5);
        assertThat(embedConstant(5)).containsExactly(first);
        assertThat(embedConstant(6)).isNotEqualTo(first);
    }

    @Test
    void spec_refusesUnknownNamesAndEmptyWidths() {
        assertThatThrownBy(() -> new ModelSpec("resnet-7", 1, 32, 128))
                .hasMessageContaining("resnet-9");
        assertThatThrownBy(() -> new ModelSpec("resnet-9", 0.01, 32, 128))
                .hasMessageContaining("model.width");
        assertThat(new ModelSpec("resnet-18", 1, 32, 128).zooKey())
                .isEqualTo("resnet-18/simclr/d32/w1.0");
    }

    private static float[] embedConstant(long seed) {
        Engines.seed(seed);
        try (SimClrNetwork net =
                        SimClrNetwork.create(
                                new ModelSpec("resnet-9", 0.125, 8, 8), Device.cpu(), 16);
                NDManager batch = net.manager().newSubManager()) {
            return net.embed(batch.ones(new Shape(2, 3, 16, 16)), false).toFloatArray();
        }
    }
}
