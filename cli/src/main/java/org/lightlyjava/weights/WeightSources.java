package org.lightlyjava.weights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.lightlyjava.config.Config;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.RunContext;
import org.lightlyjava.run.ToolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weights a run starts from, as Lightly chooses them: {@code checkpoint=} (a file, or a URL
 * that is downloaded), else with {@code pre_trained=True} Lightly's zoo checkpoint for {@code
 * model.name}, {@code model.num_ftrs} and {@code model.width}, else none (random initialisation).
 * When the zoo has no such checkpoint or it cannot be fetched, Lightly's warning is logged and the
 * run goes on from random weights, as in Lightly.
 */
public final class WeightSources {

    private static final Logger log = LoggerFactory.getLogger(WeightSources.class);

    /** Weights from the user's {@code checkpoint=}: a file that cannot be used is an error. */
    public static final String CHECKPOINT = "checkpoint";

    /**
     * Weights from Lightly's zoo ({@code pre_trained=True}): a file that does not fit falls back to
     * random weights with a warning, as a zoo without the file does.
     */
    public static final String PRE_TRAINED = "pre_trained";

    /**
     * The weights a run starts from.
     *
     * @param file the weights, or {@code null} for random ones
     * @param key the setting they come from, {@value #CHECKPOINT} or {@value #PRE_TRAINED}
     */
    public record Weights(Path file, String key) {

        /** No file: random weights. */
        public static final Weights RANDOM = new Weights(null, PRE_TRAINED);

        /** Whether a failure to load them should fall back to random weights. */
        public boolean optional() {
            return key.equals(PRE_TRAINED);
        }
    }

    private WeightSources() {}

    /** For lightly-embed: the weights to embed with. */
    public static Weights forEmbedding(RunContext ctx) {
        return resolve(ctx, "Embedding with randomly initialised weights (seed=%d).");
    }

    /** For lightly-train: the weights to start from. */
    public static Weights forTraining(RunContext ctx) {
        return resolve(ctx, "Model will be trained from scratch (seed=%d).");
    }

    private static Weights resolve(RunContext ctx, String fallback) {
        Config config = ctx.config();
        if (config.isSet("checkpoint")) {
            return new Weights(checkpoint(ctx), CHECKPOINT);
        }
        if (!config.bool("pre_trained")) {
            return Weights.RANDOM;
        }
        String key =
                ModelZoo.key(
                        config.string("model.name"),
                        config.integer("model.num_ftrs"),
                        config.number("model.width"));
        WeightStore.Result result = store(ctx).pretrained(key);
        if (result.file() != null) {
            log.info("pre_trained=True: Lightly's weights for {} from {}", key, result.file());
            return new Weights(result.file(), PRE_TRAINED);
        }
        log.warn(
                "{}. {} Pass checkpoint=... or set pre_trained=False to silence this warning.",
                result.problem(),
                String.format(Locale.ROOT, fallback, config.integer("seed")));
        return Weights.RANDOM;
    }

    private static Path checkpoint(RunContext ctx) {
        String value = ctx.config().string("checkpoint").strip();
        if (isUrl(value)) {
            WeightStore.Result result = store(ctx).url(value);
            if (result.file() == null) {
                throw new ToolException(
                        ExitCode.CONFIG, "checkpoint=" + value + ": " + result.problem());
            }
            return result.file();
        }
        Path file = ctx.config().path("checkpoint");
        if (!Files.isRegularFile(file)) {
            throw new ToolException(ExitCode.CONFIG, "checkpoint=" + file + ": file not found");
        }
        return file;
    }

    /** Whether a {@code checkpoint=} value is a URL to download rather than a path. */
    public static boolean isUrl(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.startsWith("https://") || v.startsWith("http://");
    }

    private static WeightStore store(RunContext ctx) {
        return WeightStore.create(WeightSettings.from(ctx.config(), ctx.env()), ctx.progress());
    }
}
