package org.lightlyjava.model;

import java.util.List;
import java.util.Optional;
import org.lightlyjava.config.Config;

/**
 * Which network to build: Lightly's {@code model.*} keys.
 *
 * @param name {@code resnet-9}, {@code resnet-18}, {@code resnet-34}, {@code resnet-50}, {@code
 *     resnet-101} or {@code resnet-152}
 * @param width width multiplier; the first stage has {@code int(64 * width)} channels
 * @param numFtrs embedding size, the backbone's output
 * @param outDim output size of the SimCLR projection head
 * @param headBatchNorm a batch norm after the head's first linear layer ({@code
 *     model.head_batch_norm}, opt-in; Lightly 1.2's CLI head has none)
 */
public record ModelSpec(String name, double width, int numFtrs, int outDim, boolean headBatchNorm) {

    /** Lightly's CLI network: a projection head without batch norm. */
    public ModelSpec(String name, double width, int numFtrs, int outDim) {
        this(name, width, numFtrs, outDim, false);
    }

    public ModelSpec {
        Arch.of(name);
        if (!(width > 0) || (int) (64 * width) < 1) {
            throw new IllegalArgumentException(
                    "model.width must give at least one channel: " + width);
        }
        if (numFtrs < 1) {
            throw new IllegalArgumentException("model.num_ftrs must be positive: " + numFtrs);
        }
        if (outDim < 1) {
            throw new IllegalArgumentException("model.out_dim must be positive: " + outDim);
        }
    }

    public static ModelSpec from(Config config) {
        return new ModelSpec(
                config.string("model.name"),
                config.number("model.width"),
                config.integer("model.num_ftrs"),
                config.integer("model.out_dim"),
                config.bool("model.head_batch_norm"));
    }

    /** Channels of the first stage, truncated as Python's {@code int(64 * width)}. */
    public int baseChannels() {
        return (int) (64 * width);
    }

    Arch arch() {
        return Arch.of(name);
    }

    /**
     * Lightly's model-zoo key for these settings, for example {@code resnet-18/simclr/d32/w1.0}.
     */
    public String zooKey() {
        return name + "/simclr/d" + numFtrs + "/w" + width;
    }

    /** Lightly's ResNet family: residual unit type and units per stage. */
    enum Arch {
        RESNET_9("resnet-9", false, 1, 1, 1, 1),
        RESNET_18("resnet-18", false, 2, 2, 2, 2),
        RESNET_34("resnet-34", false, 3, 4, 6, 3),
        RESNET_50("resnet-50", true, 3, 4, 6, 3),
        RESNET_101("resnet-101", true, 3, 4, 23, 3),
        RESNET_152("resnet-152", true, 3, 8, 36, 3);

        final String key;
        final boolean bottleneck;
        final List<Integer> units;

        Arch(String key, boolean bottleneck, Integer... units) {
            this.key = key;
            this.bottleneck = bottleneck;
            this.units = List.of(units);
        }

        int expansion() {
            return bottleneck ? 4 : 1;
        }

        /** The architecture with these units per stage, if Lightly has one. */
        static Optional<String> named(boolean bottleneck, List<Integer> units) {
            for (Arch arch : values()) {
                if (arch.bottleneck == bottleneck && arch.units.equals(units)) {
                    return Optional.of(arch.key);
                }
            }
            return Optional.empty();
        }

        static Arch of(String name) {
            for (Arch arch : values()) {
                if (arch.key.equals(name)) {
                    return arch;
                }
            }
            throw new IllegalArgumentException(
                    "model.name must be one of resnet-9, resnet-18, "
                            + "resnet-34, resnet-50, resnet-101, resnet-152: "
                            + name);
        }
    }
}
