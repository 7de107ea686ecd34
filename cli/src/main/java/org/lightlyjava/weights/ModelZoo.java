package org.lightlyjava.weights;

import java.util.Map;
import java.util.Optional;

/**
 * Lightly's pretrained SimCLR checkpoints (lightly/models/zoo.py): one file per {@code
 * model.name/simclr/d<num_ftrs>/w<width>} key, at {@value #LIGHTLY_URL} unless a mirror is set.
 */
public final class ModelZoo {

    /** Where Lightly's zoo lives. */
    public static final String LIGHTLY_URL = "https://storage.googleapis.com/models_boris/";

    private static final Map<String, String> FILES =
            Map.of(
                    "resnet-9/simclr/d16/w0.0625",
                            "whattolabel-resnet9-simclr-d16-w0.0625-i-ce0d6bd9.pth",
                    "resnet-9/simclr/d16/w0.125",
                            "whattolabel-resnet9-simclr-d16-w0.125-i-7269c38d.pth",
                    "resnet-18/simclr/d16/w1.0",
                            "whattolabel-resnet18-simclr-d16-w1.0-i-58852cb9.pth",
                    "resnet-18/simclr/d32/w1.0",
                            "whattolabel-resnet18-simclr-d32-w1.0-i-085d0693.pth",
                    "resnet-34/simclr/d16/w1.0",
                            "whattolabel-resnet34-simclr-d16-w1.0-i-6e80d963.pth",
                    "resnet-34/simclr/d32/w1.0",
                            "whattolabel-resnet34-simclr-d32-w1.0-i-9f185b45.pth");

    private ModelZoo() {}

    /**
     * Lightly's key for these settings, {@code f"{name}/simclr/d{num_ftrs}/w{float(width)}"}: the
     * width printed as Python prints a float ({@code 1.0}, {@code 0.125}).
     */
    public static String key(String name, int numFtrs, double width) {
        return name + "/simclr/d" + numFtrs + "/w" + width;
    }

    /** The zoo's file name for {@code key}, if the zoo has one. */
    public static Optional<String> fileName(String key) {
        return Optional.ofNullable(FILES.get(key));
    }
}
