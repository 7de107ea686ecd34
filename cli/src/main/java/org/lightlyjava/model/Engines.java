package org.lightlyjava.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PyTorch engine of DJL: started offline, device picked from {@code trainer.gpus}, seeded.
 *
 * <p>DJL must never reach the network: without {@code ai.djl.offline} it calls an EC2 metadata
 * address at engine start (telemetry) and may try to download natives. The natives come from the
 * {@code pytorch-native-cpu} jar on the class path.
 */
public final class Engines {

    private static final Logger log = LoggerFactory.getLogger(Engines.class);

    private Engines() {}

    /** Starts the PyTorch engine offline (idempotent) and returns it. */
    public static Engine pytorch() {
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        return Engine.getEngine("PyTorch");
    }

    /**
     * The device to run on: the first GPU when {@code gpus > 0} and one is present, else the CPU.
     */
    public static Device device(int gpus) {
        Engine engine = pytorch();
        if (gpus > 0 && engine.getGpuCount() > 0) {
            return Device.gpu(0);
        }
        if (gpus > 0) {
            log.debug("no GPU found; running on the CPU");
        }
        return Device.cpu();
    }

    /** Seeds PyTorch's generator (weight initialisation) so the same seed gives the same model. */
    public static void seed(long seed) {
        pytorch().setRandomSeed((int) seed);
    }

    /** ONNX Runtime's version and providers, loading its natives: {@code ONNX Runtime 1.22.0}. */
    public static String onnxRuntime() {
        ai.onnxruntime.OrtEnvironment env =
                ai.onnxruntime.OrtEnvironment.getEnvironment(
                        ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "lightly");
        return "ONNX Runtime "
                + env.getVersion()
                + " "
                + ai.onnxruntime.OrtEnvironment.getAvailableProviders();
    }

    /** Engine name and version for provenance, for example {@code PyTorch 2.7.1}. */
    public static String describe() {
        Engine engine = pytorch();
        return engine.getEngineName() + " " + engine.getVersion();
    }
}
