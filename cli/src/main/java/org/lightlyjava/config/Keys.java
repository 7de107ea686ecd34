package org.lightlyjava.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every configuration key the tools understand, with Lightly's defaults (its {@code config.yaml},
 * reference §1.1, at v1.2.47 where it changed). All tools share the one set, as Lightly's do.
 */
public final class Keys {

    private static final Map<String, KeySpec> ALL = new LinkedHashMap<>();

    static {
        // input and output
        path(
                "input_dir",
                "Folder of images (sub-folders become labels), or s3://bucket/prefix/ to read the"
                        + " objects under an S3 prefix directly (AWS credential chain).");
        string(
                "endpoint_url",
                "",
                "S3-compatible endpoint for input_dir=s3://... (MinIO, Ceph, ...), for example"
                        + " http://host:9000; empty: AWS S3.");
        path("output_dir", "Where lightly-download copies or downloads the files of a tag.");
        path("embeddings", "Embeddings CSV to upload (lightly-upload).");
        path(
                "checkpoint",
                "Weights: a .ckpt of lightly-train (lightly-java's or Lightly's), a zoo .pth, a"
                        + " TorchScript .pt backbone, an ONNX model, or an https:// URL of one"
                        + " (downloaded once into the cache); empty: see pre_trained.");
        path("label_dir", "YOLO label folder (lightly-crop; not supported).");
        path("label_names_file", "YAML file with the label names (lightly-crop; not supported).");
        path("custom_metadata", "COCO-like JSON with a custom metadata entry per image.");

        // platform
        secret("token", "API token of the Lightly-compatible server (or env LIGHTLY_TOKEN).");
        string(
                "server_location",
                "",
                "Base URL of the Lightly-compatible API (or env LIGHTLY_SERVER_LOCATION); empty: embedded server.");
        string("dataset_id", "", "Id of an existing dataset on the server.");
        string("new_dataset_name", "", "Create a dataset with this name and upload to it.");
        choice(
                "upload",
                "full",
                "What to upload besides metadata: full images, thumbnails, or nothing.",
                "full",
                "thumbnails",
                "metadata",
                "none",
                "meta");
        bool(
                "append",
                "False",
                "Allow adding samples and embeddings to a dataset that already has some.");
        choice(
                "validate",
                "warn",
                "Before uploading to a dataset with a datasource: check its lights and that every"
                        + " local file is in the bucket; strict stops on a mismatch, warn reports"
                        + " it, off skips the check.",
                "strict",
                "warn",
                "off");
        numbers(
                "resize",
                "-1",
                "-1: no resize; x: shorter side to x; [h,w]: exact size (metadata and thumbnails).");
        string("embedding_name", "default", "Name of the embedding on the server.");
        integer("emb_upload_bsz", "32", "Legacy; unused.");
        string("tag_name", "initial-tag", "Tag to download (lightly-download).");
        bool(
                "exclude_parent_tag",
                "False",
                "Download only the samples the tag adds to its parent tag.");

        // model and training
        bool(
                "pre_trained",
                "True",
                "Without checkpoint: start from Lightly's pretrained weights for model.name,"
                        + " num_ftrs and width (downloaded once into ~/.cache/lightly-java, or"
                        + " $LIGHTLY_CACHE_DIR; PyTorch's hub cache is used too; LIGHTLY_OFFLINE=1"
                        + " forbids downloads). No such weights: random ones, with a warning.");
        string(
                "zoo_url",
                "",
                "Base URL of Lightly's model zoo, for a mirror (or env LIGHTLY_ZOO_URL); empty:"
                        + " https://storage.googleapis.com/models_boris/");
        floating("crop_padding", "0.1", "Padding around crops (lightly-crop; not supported).");
        choice(
                "model.name",
                "resnet-18",
                "Backbone architecture.",
                "resnet-9",
                "resnet-18",
                "resnet-34",
                "resnet-50",
                "resnet-101",
                "resnet-152");
        integer("model.out_dim", "128", "Output size of the SimCLR projection head.");
        integer("model.num_ftrs", "32", "Embedding size (output of the backbone).");
        bool(
                "model.head_batch_norm",
                "False",
                "Batch norm after the projection head's first layer, as in the SimCLR paper"
                        + " (Lightly 1.2's CLI has none and its loader expects a head without);"
                        + " measured in docs/models.md.");
        floating(
                "model.width",
                "1",
                "Width multiplier of the backbone (base channels = 64 * width).");
        floating("criterion.temperature", "0.5", "Temperature of the NT-Xent loss.");
        integer(
                "criterion.memory_bank_size",
                "0",
                "Size of the NT-Xent memory bank of negatives (0: none).");
        floating("optimizer.lr", "1.", "Learning rate of SGD.");
        floating("optimizer.weight_decay", "0.00001", "Weight decay of SGD.");
        floating(
                "optimizer.momentum",
                "0",
                "Momentum of SGD (Lightly: 0). Opt-in recipe for small data sets, see"
                        + " docs/models.md: optimizer.momentum=0.9 optimizer.scheduler=cosine"
                        + " optimizer.lr=0.05 criterion.temperature=0.2.");
        choice(
                "optimizer.scheduler",
                "none",
                "Learning rate over the run: none (constant, Lightly) or cosine (decay to 0 by"
                        + " the last epoch).",
                "none",
                "cosine");
        integer(
                "optimizer.warmup_epochs",
                "0",
                "Epochs of linear learning-rate warmup at the start (0: none).");

        integer("collate.input_size", "64", "Side of the square image the model sees.");
        floating("collate.cj_prob", "0.8", "Probability of color jitter.");
        floating("collate.cj_bright", "0.7", "Color jitter: brightness strength.");
        floating("collate.cj_contrast", "0.7", "Color jitter: contrast strength.");
        floating("collate.cj_sat", "0.7", "Color jitter: saturation strength.");
        floating("collate.cj_hue", "0.2", "Color jitter: hue strength (at most 0.5).");
        floating("collate.min_scale", "0.15", "Smallest area fraction of the random resized crop.");
        floating(
                "collate.random_gray_scale",
                "0.2",
                "Probability of converting a view to grayscale.");
        floating("collate.gaussian_blur", "0.5", "Probability of Gaussian blur.");
        numbers(
                "collate.kernel_size",
                "null",
                "Legacy blur kernel size as a fraction of input_size (null: use sigmas).");
        numbers("collate.sigmas", "[0.2,2]", "Range the blur sigma is drawn from.");
        floating("collate.vf_prob", "0.0", "Probability of a vertical flip.");
        floating("collate.hf_prob", "0.5", "Probability of a horizontal flip.");
        floating("collate.rr_prob", "0.0", "Probability of a random rotation.");
        numbers(
                "collate.rr_degrees",
                "null",
                "Rotation: null for 90 degree steps, d for [-d,d], or [a,b].");

        choice(
                "embed.resize",
                "square",
                "How lightly-embed brings an image to collate.input_size: square (Lightly:"
                        + " Resize((s, s)), aspect not kept) or shorter_side (shorter side to"
                        + " embed.resize_size, then a centre crop, as DINOv2 and CLIP expect).",
                "square",
                "shorter_side");
        integer(
                "embed.resize_size",
                "-1",
                "Shorter side before the centre crop (embed.resize=shorter_side; DINOv2: 256);"
                        + " -1: collate.input_size.");
        choice(
                "embed.interpolation",
                "bilinear",
                "Resampling filter of the embedding resize (PIL's): bilinear (Lightly) or bicubic"
                        + " (DINOv2, CLIP).",
                "bilinear",
                "bicubic");
        numbers(
                "embed.mean",
                "[0.485,0.456,0.406]",
                "Per-channel mean subtracted from the model input (ImageNet's; CLIP:"
                        + " [0.4815,0.4578,0.4082]).");
        numbers(
                "embed.std",
                "[0.229,0.224,0.225]",
                "Per-channel standard deviation of the model input (ImageNet's; CLIP:"
                        + " [0.2686,0.2613,0.2758]).");
        string(
                "embed.output",
                "",
                "Which output of an ONNX model is the embedding, by name or index; empty: the"
                        + " first. It must have shape (N, D).");
        bool(
                "embed.normalize",
                "False",
                "L2-normalise every embedding (unit length), as CLIP and DINOv2 users usually do.");

        integer("loader.batch_size", "16", "Images per batch.");
        bool("loader.shuffle", "True", "Shuffle images for training.");
        integer("loader.num_workers", "-1", "Decoding threads (-1: one per core).");
        bool("loader.drop_last", "True", "Drop the last incomplete batch when training.");

        integer(
                "trainer.gpus",
                "1",
                "GPUs to use (0: CPU; the CPU is used when no GPU is present).");
        integer("trainer.max_epochs", "100", "Training epochs (0: no training).");
        choice("trainer.precision", "32", "Floating point precision (only 32 is supported).", "32");
        string(
                "trainer.weights_summary",
                "top",
                "Print a model summary before training: top, full or null.");
        path(
                "trainer.resume_from_checkpoint",
                "Continue an interrupted training run from this .ckpt.");

        bool("checkpoint_callback.save_last", "True", "Also save the last epoch as last.ckpt.");
        integer("checkpoint_callback.save_top_k", "1", "How many best epochs to keep (-1: all).");
        path("checkpoint_callback.dirpath", "Folder for checkpoints (default: the run folder).");

        string(
                "environment_variable_names.lightly_last_checkpoint_path",
                "LIGHTLY_LAST_CHECKPOINT_PATH",
                "Name of the variable set to the last checkpoint.");
        string(
                "environment_variable_names.lightly_last_embedding_path",
                "LIGHTLY_LAST_EMBEDDING_PATH",
                "Name of the variable set to the last embeddings file.");
        string(
                "environment_variable_names.lightly_last_dataset_id",
                "LIGHTLY_LAST_DATASET_ID",
                "Name of the variable set to the last dataset id.");

        integer("seed", "1", "Random seed: the same seed gives the same result on the CPU.");
        string(
                "hydra.run.dir",
                "lightly_outputs/${now:%Y-%m-%d}/${now:%H-%M-%S}",
                "Run folder, relative to the current directory.");
    }

    private Keys() {}

    /** All keys in the order help lists them. */
    public static List<KeySpec> all() {
        return Collections.unmodifiableList(new ArrayList<>(ALL.values()));
    }

    public static Optional<KeySpec> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    private static void add(KeySpec spec) {
        if (ALL.put(spec.name(), spec) != null) {
            throw new IllegalStateException("duplicate key " + spec.name());
        }
    }

    private static void path(String name, String description) {
        add(new KeySpec(name, "", KeyType.PATH, List.of(), description));
    }

    private static void secret(String name, String description) {
        add(new KeySpec(name, "", KeyType.SECRET, List.of(), description));
    }

    private static void string(String name, String defaultValue, String description) {
        add(new KeySpec(name, defaultValue, KeyType.STRING, List.of(), description));
    }

    private static void integer(String name, String defaultValue, String description) {
        add(new KeySpec(name, defaultValue, KeyType.INT, List.of(), description));
    }

    private static void floating(String name, String defaultValue, String description) {
        add(new KeySpec(name, defaultValue, KeyType.FLOAT, List.of(), description));
    }

    private static void bool(String name, String defaultValue, String description) {
        add(new KeySpec(name, defaultValue, KeyType.BOOL, List.of(), description));
    }

    private static void numbers(String name, String defaultValue, String description) {
        add(new KeySpec(name, defaultValue, KeyType.NUMBERS, List.of(), description));
    }

    private static void choice(
            String name, String defaultValue, String description, String... choices) {
        add(new KeySpec(name, defaultValue, KeyType.CHOICE, List.of(choices), description));
    }
}
