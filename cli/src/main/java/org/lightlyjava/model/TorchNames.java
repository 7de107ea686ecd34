package org.lightlyjava.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.ArrayList;
import java.util.List;

/**
 * The names Lightly's PyTorch modules give the parameters of our networks: {@code
 * backbone.3.0.conv1.weight}, {@code backbone.0.running_mean}, {@code
 * projection_head.layers.2.bias} (lightly/models/resnet.py and lightly/cli/_helpers.py of lightly
 * 1.2), found by walking the DJL blocks in the order {@link Networks} built them.
 */
final class TorchNames {

    /**
     * One tensor of the state dict: its name and the DJL parameter holding it, or {@code null} for
     * a batch norm's {@code num_batches_tracked} counter, which DJL does not keep.
     */
    record Entry(String name, Parameter parameter) {}

    private TorchNames() {}

    /** Every tensor of Lightly's state dict for this backbone, in PyTorch's order. */
    static List<Entry> backbone(Chain backbone) {
        List<Entry> out = new ArrayList<>();
        List<Block> children = children(backbone);
        for (int i = 0; i < children.size(); i++) {
            Block child = children.get(i);
            String prefix = "backbone." + i;
            if (child instanceof Chain stage) {
                List<Block> units = children(stage);
                for (int j = 0; j < units.size(); j++) {
                    residual((Residual) units.get(j), prefix + "." + j, out);
                }
            } else {
                leaf(child, prefix, out);
            }
        }
        return out;
    }

    /** The projection head's tensors: {@code projection_head.layers.<index in the chain>}. */
    static List<Entry> head(Chain head) {
        List<Entry> out = new ArrayList<>();
        List<Block> children = children(head);
        for (int i = 0; i < children.size(); i++) {
            leaf(children.get(i), "projection_head.layers." + i, out);
        }
        return out;
    }

    /** Lightly's BasicBlock and Bottleneck: conv1, bn1, conv2, bn2 (conv3, bn3), shortcut.0/1. */
    private static void residual(Residual unit, String prefix, List<Entry> out) {
        int convs = 0;
        int norms = 0;
        for (Block block : children(unit.main())) {
            if (block instanceof Conv2d) {
                leaf(block, prefix + ".conv" + ++convs, out);
            } else if (block instanceof BatchNorm) {
                leaf(block, prefix + ".bn" + ++norms, out);
            }
        }
        if (unit.shortcut() != null) {
            List<Block> shortcut = children(unit.shortcut());
            for (int i = 0; i < shortcut.size(); i++) {
                leaf(shortcut.get(i), prefix + ".shortcut." + i, out);
            }
        }
    }

    /** A layer's own tensors under PyTorch's names; activations and pooling have none. */
    private static void leaf(Block block, String prefix, List<Entry> out) {
        if (!(block instanceof Conv2d || block instanceof BatchNorm || block instanceof Linear)) {
            return;
        }
        for (var pair : block.getDirectParameters()) {
            Parameter p = pair.getValue();
            out.add(new Entry(prefix + "." + name(p.getType()), p));
        }
        if (block instanceof BatchNorm) {
            out.add(new Entry(prefix + ".num_batches_tracked", null));
        }
    }

    private static String name(Parameter.Type type) {
        return switch (type) {
            case WEIGHT, GAMMA -> "weight";
            case BIAS, BETA -> "bias";
            case RUNNING_MEAN -> "running_mean";
            case RUNNING_VAR -> "running_var";
            default -> throw new IllegalStateException("no PyTorch name for " + type);
        };
    }

    private static List<Block> children(Block block) {
        List<Block> out = new ArrayList<>();
        for (var pair : block.getChildren()) {
            out.add(pair.getValue());
        }
        return out;
    }
}
