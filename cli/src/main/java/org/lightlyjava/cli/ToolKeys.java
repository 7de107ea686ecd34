package org.lightlyjava.cli;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.lightlyjava.config.KeySpec;

/**
 * Which keys each tool reads, for {@code --help}: all tools accept every key, as Lightly's do, but
 * a tool's help lists its own first and leaves the rest to {@code --help-all}.
 */
final class ToolKeys {

    private static final Set<String> MODEL =
            Set.of("checkpoint", "pre_trained", "zoo_url", "seed", "trainer.gpus");
    private static final Set<String> INPUT = Set.of("input_dir", "endpoint_url", "hydra.run.dir");
    private static final List<String> TRAIN_GROUPS =
            List.of(
                    "model.",
                    "criterion.",
                    "optimizer.",
                    "collate.",
                    "loader.",
                    "trainer.",
                    "checkpoint_callback.");
    private static final Set<String> EMBED =
            Set.of("collate.input_size", "loader.batch_size", "loader.num_workers");
    private static final Set<String> UPLOAD =
            Set.of(
                    "embeddings",
                    "custom_metadata",
                    "token",
                    "server_location",
                    "dataset_id",
                    "new_dataset_name",
                    "upload",
                    "append",
                    "validate",
                    "resize",
                    "embedding_name",
                    "loader.num_workers");
    private static final Set<String> DOWNLOAD =
            Set.of(
                    "token",
                    "server_location",
                    "dataset_id",
                    "tag_name",
                    "exclude_parent_tag",
                    "output_dir",
                    "loader.num_workers");

    private ToolKeys() {}

    /** Whether {@code tool} reads {@code spec}. */
    static boolean uses(Tool tool, KeySpec spec) {
        String name = spec.name();
        return switch (tool) {
            case TRAIN -> train(name);
            case EMBED -> embed(name);
            case UPLOAD -> INPUT.contains(name) || UPLOAD.contains(name);
            case DOWNLOAD -> INPUT.contains(name) || DOWNLOAD.contains(name);
            case MAGIC -> train(name) || embed(name) || UPLOAD.contains(name);
            case VERSION -> false;
        };
    }

    private static boolean train(String name) {
        return INPUT.contains(name)
                || MODEL.contains(name)
                || TRAIN_GROUPS.stream().anyMatch(name::startsWith);
    }

    private static boolean embed(String name) {
        return Stream.of(INPUT, MODEL, EMBED).anyMatch(s -> s.contains(name))
                || name.startsWith("model.")
                || name.startsWith("embed.");
    }
}
