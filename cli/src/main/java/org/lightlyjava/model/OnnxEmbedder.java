package org.lightlyjava.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Embeds with an ONNX model through ONNX Runtime (CPU): DINOv2, a CLIP image encoder, any exported
 * torchvision or timm backbone. The model takes one float image batch {@code (N, 3, H, W)} and one
 * of its outputs, {@code (N, D)} (or {@code (N, D, 1, 1)}), is the embedding. A fixed batch of 1 is
 * run image by image; fixed {@code H = W} is the only input size it takes.
 */
final class OnnxEmbedder implements Embedder {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final Path file;
    private final String input;
    private final String output;
    private final boolean batchOfOne;
    private final int inputSize;
    private final int probeSize;
    private int dimension = -1;

    private OnnxEmbedder(
            OrtEnvironment env,
            OrtSession session,
            Path file,
            String input,
            String output,
            boolean batchOfOne,
            int inputSize,
            int probeSize) {
        this.env = env;
        this.session = session;
        this.file = file;
        this.input = input;
        this.output = output;
        this.batchOfOne = batchOfOne;
        this.inputSize = inputSize;
        this.probeSize = probeSize;
    }

    /**
     * Opens {@code file} and checks that its input is a float NCHW image batch.
     *
     * @param output the output's name or index ({@code embed.output}); empty: the first
     * @param threads ONNX Runtime's threads within an operator
     * @param probeSize the image size to try the model with when its input size is open
     * @throws IOException saying what the model has instead of what it needs
     */
    static OnnxEmbedder load(Path file, String output, int threads, int probeSize)
            throws IOException {
        OrtEnvironment env =
                OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "lightly");
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            session = env.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new IOException("not an ONNX model ONNX Runtime can load: " + e.getMessage(), e);
        }
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            if (inputs.size() != 1) {
                throw new IOException(
                        "the model has "
                                + inputs.size()
                                + " inputs "
                                + describe(inputs)
                                + "; it needs exactly one, a float image batch (N, 3, H, W)");
            }
            Map.Entry<String, NodeInfo> in = inputs.entrySet().iterator().next();
            long[] shape = imageInput(in.getKey(), in.getValue());
            String out = chooseOutput(session.getOutputInfo(), output);
            int size = shape[2] > 0 && shape[2] == shape[3] ? (int) shape[2] : -1;
            if (shape[2] > 0 && shape[3] > 0 && shape[2] != shape[3]) {
                throw new IOException(
                        "input "
                                + in.getKey()
                                + " is "
                                + shape[2]
                                + "x"
                                + shape[3]
                                + "; lightly-java feeds square images");
            }
            OnnxEmbedder embedder =
                    new OnnxEmbedder(
                            env, session, file, in.getKey(), out, shape[0] == 1, size, probeSize);
            long[] outShape = ((TensorInfo) session.getOutputInfo().get(out).getInfo()).getShape();
            if (outShape[1] > 0) {
                embedder.dimension = (int) outShape[1];
            }
            return embedder;
        } catch (IOException | OrtException | RuntimeException e) {
            close(session);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** The input's shape when it is a float NCHW image batch with 3 channels. */
    private static long[] imageInput(String name, NodeInfo node) throws IOException {
        if (!(node.getInfo() instanceof TensorInfo info)) {
            throw new IOException("input " + name + " is " + node.getInfo() + ", not a tensor");
        }
        long[] shape = info.getShape();
        boolean nchw = shape.length == 4 && (shape[1] == 3 || shape[1] < 0);
        if (info.type != OnnxJavaType.FLOAT || !nchw) {
            throw new IOException(
                    "input "
                            + name
                            + " has type "
                            + typeName(info)
                            + " and shape "
                            + dims(shape)
                            + "; lightly-java feeds a float image batch (N, 3, H, W): export the"
                            + " model with such an input (channels first, float32)");
        }
        return shape;
    }

    private static String chooseOutput(Map<String, NodeInfo> outputs, String wanted)
            throws IOException {
        List<String> names = new ArrayList<>(outputs.keySet());
        String name;
        if (wanted == null || wanted.isBlank()) {
            name = names.get(0);
        } else if (outputs.containsKey(wanted)) {
            name = wanted;
        } else if (wanted.matches("\\d+") && Integer.parseInt(wanted) < names.size()) {
            name = names.get(Integer.parseInt(wanted));
        } else {
            throw new IOException(
                    "embed.output="
                            + wanted
                            + " is not an output of the model; its outputs are "
                            + describe(outputs));
        }
        if (outputs.get(name).getInfo() instanceof TensorInfo info) {
            long[] shape = info.getShape();
            boolean vector =
                    shape.length == 2 || (shape.length == 4 && shape[2] == 1 && shape[3] == 1);
            if (!vector || info.type != OnnxJavaType.FLOAT) {
                throw new IOException(
                        "output "
                                + name
                                + " has type "
                                + typeName(info)
                                + " and shape "
                                + dims(shape)
                                + "; choose an output of shape (N, D) with embed.output=... (outputs: "
                                + describe(outputs)
                                + ")");
            }
        }
        return name;
    }

    @Override
    public int dimension() {
        if (dimension < 0) {
            int size = inputSize > 0 ? inputSize : probeSize;
            dimension = embed(new float[3 * size * size], 1, size)[0].length;
        }
        return dimension;
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public float[][] embed(float[] images, int count, int size) {
        if (batchOfOne && count > 1) {
            int length = 3 * size * size;
            float[][] out = new float[count][];
            for (int i = 0; i < count; i++) {
                out[i] =
                        embed(Arrays.copyOfRange(images, i * length, (i + 1) * length), 1, size)[0];
            }
            return out;
        }
        FloatBuffer batch = FloatBuffer.wrap(images, 0, count * 3 * size * size);
        try (OnnxTensor x = OnnxTensor.createTensor(env, batch, new long[] {count, 3, size, size});
                OrtSession.Result result = session.run(Map.of(input, x), Set.of(output))) {
            OnnxTensor y = (OnnxTensor) result.get(0);
            long[] shape = y.getInfo().getShape();
            if (shape.length < 1 || shape[0] != count) {
                throw new IllegalStateException(
                        "output "
                                + output
                                + " has shape "
                                + dims(shape)
                                + " for a batch of "
                                + count);
            }
            FloatBuffer values = y.getFloatBuffer();
            float[] flat = new float[values.remaining()];
            values.get(flat);
            return Rows.split(flat, count);
        } catch (OrtException e) {
            throw new IllegalStateException(
                    "ONNX Runtime failed on " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "ONNX " + file.getFileName() + " (output " + output + ")";
    }

    @Override
    public void close() {
        close(session);
    }

    private static void close(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing left to do with a session that will not close
        }
    }

    private static String describe(Map<String, NodeInfo> nodes) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, NodeInfo> e : nodes.entrySet()) {
            String shape =
                    e.getValue().getInfo() instanceof TensorInfo t ? " " + dims(t.getShape()) : "";
            out.add(e.getKey() + shape);
        }
        return String.join(", ", out);
    }

    private static String typeName(TensorInfo info) {
        return info.type.toString().toLowerCase(Locale.ROOT);
    }

    /** A shape with symbolic dimensions shown as {@code ?}. */
    private static String dims(long[] shape) {
        List<String> out = new ArrayList<>();
        for (long d : shape) {
            out.add(d < 0 ? "?" : Long.toString(d));
        }
        return "[" + String.join(", ", out) + "]";
    }
}
