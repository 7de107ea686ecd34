package org.lightlyjava.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.initializer.XavierInitializer;

/**
 * Builds Lightly's networks from DJL blocks: the CIFAR-style ResNet backbone of the CLI and the
 * SimCLR projection head (reference §5.1).
 *
 * <p>Backbone: {@code BatchNorm(3), conv3x3(3 -> base), BatchNorm} (no ReLU here: Lightly's quirk),
 * four stages of residual units at {@code base * 1, 2, 4, 8} channels with strides 1, 2, 2, 2, a
 * 1x1 convolution with bias to {@code num_ftrs}, and global average pooling to shape {@code (N,
 * num_ftrs)}. No max-pool, unlike torchvision's ResNet.
 */
final class Networks {

    private Networks() {}

    static Chain backbone(ModelSpec spec) {
        ModelSpec.Arch arch = spec.arch();
        int base = spec.baseChannels();
        Chain net = new Chain();
        net.add(batchNorm()).add(conv(base, 3, 1, false)).add(batchNorm());
        int in = base;
        int[] strides = {1, 2, 2, 2};
        for (int stage = 0; stage < 4; stage++) {
            int planes = base << stage;
            Chain layer = new Chain();
            for (int unit = 0; unit < arch.units.get(stage); unit++) {
                int stride = unit == 0 ? strides[stage] : 1;
                layer.add(
                        arch.bottleneck
                                ? bottleneck(in, planes, stride)
                                : basic(in, planes, stride));
                in = planes * arch.expansion();
            }
            net.add(layer);
        }
        net.add(conv(spec.numFtrs(), 1, 1, true)).add(Pool.globalAvgPool2dBlock());
        withTorchInit(net);
        return net;
    }

    /**
     * Lightly's {@code SimCLRProjectionHead} of the CLI: Linear, ReLU, Linear; with {@code
     * headBatchNorm} a batch norm after the first Linear (as SimCLR's paper and later Lightly
     * versions have it).
     */
    static Chain projectionHead(ModelSpec spec) {
        Chain head = new Chain();
        head.add(Linear.builder().setUnits(spec.numFtrs()).build());
        if (spec.headBatchNorm()) {
            head.add(batchNorm());
        }
        head.add(Activation.reluBlock()).add(Linear.builder().setUnits(spec.outDim()).build());
        withTorchInit(head);
        return head;
    }

    private static Residual basic(int in, int planes, int stride) {
        Chain main = new Chain();
        main.add(conv(planes, 3, stride, false)).add(batchNorm()).add(Activation.reluBlock());
        main.add(conv(planes, 3, 1, false)).add(batchNorm());
        return new Residual(main, projection(in, planes, stride));
    }

    private static Residual bottleneck(int in, int planes, int stride) {
        Chain main = new Chain();
        main.add(conv(planes, 1, 1, false)).add(batchNorm()).add(Activation.reluBlock());
        main.add(conv(planes, 3, stride, false)).add(batchNorm()).add(Activation.reluBlock());
        main.add(conv(planes * 4, 1, 1, false)).add(batchNorm());
        return new Residual(main, projection(in, planes * 4, stride));
    }

    private static Chain projection(int in, int out, int stride) {
        if (stride == 1 && in == out) {
            return null;
        }
        Chain shortcut = new Chain();
        shortcut.add(conv(out, 1, stride, false)).add(batchNorm());
        return shortcut;
    }

    private static Block conv(int filters, int kernel, int stride, boolean bias) {
        return Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .setFilters(filters)
                .optBias(bias)
                .build();
    }

    private static Block batchNorm() {
        // DJL's momentum 0.9 is PyTorch's 0.1; epsilon 1e-5 as PyTorch.
        return BatchNorm.builder().optMomentum(0.9f).optEpsilon(1e-5f).build();
    }

    /**
     * PyTorch's default for conv and linear weights, kaiming_uniform(a=sqrt(5)), is
     * uniform(+-sqrt(1/fan_in)): Xavier uniform over fan-in with magnitude 1.
     */
    private static void withTorchInit(Block block) {
        block.setInitializer(
                new XavierInitializer(
                        XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1),
                Parameter.Type.WEIGHT);
    }
}
