package org.lightlyjava.server.datasource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;

/** Collects the four lights of a verify and the reason for each red one. */
final class Lights {

    static final String LIST = "canList";
    static final String READ = "canRead";
    static final String WRITE = "canWrite";
    static final String OVERWRITE = "canOverwrite";

    /** Not a light: a probe object that could not be deleted. */
    static final String DELETE = "delete";

    private boolean list;
    private boolean read;
    private boolean write;
    private boolean overwrite;
    private final Map<String, String> errors = new LinkedHashMap<>();

    void green(String light) {
        switch (light) {
            case LIST -> list = true;
            case READ -> read = true;
            case WRITE -> write = true;
            case OVERWRITE -> overwrite = true;
            default -> throw new IllegalArgumentException(light);
        }
    }

    void red(String light, String reason) {
        errors.put(light, reason);
    }

    boolean isGreen(String light) {
        return switch (light) {
            case LIST -> list;
            case READ -> read;
            case WRITE -> write;
            case OVERWRITE -> overwrite;
            default -> false;
        };
    }

    /** Every light not decided yet turns red for the same reason (the storage is unreachable). */
    void redRest(String reason) {
        for (String light : new String[] {LIST, READ, WRITE, OVERWRITE}) {
            if (!isGreen(light) && !errors.containsKey(light)) {
                errors.put(light, reason);
            }
        }
    }

    DatasourceConfigVerifyData result() {
        return new DatasourceConfigVerifyData(
                list,
                read,
                write,
                overwrite,
                errors.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(errors)));
    }
}
