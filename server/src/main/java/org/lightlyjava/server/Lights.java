package org.lightlyjava.server;

import java.io.PrintWriter;
import java.util.Map;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;

/** Prints the four lights of a datasource verify, one per line, with the reason when red. */
final class Lights {

    private Lights() {}

    static void print(PrintWriter out, DatasourceConfigVerifyData v) {
        Map<String, String> errors = v.errors() == null ? Map.of() : v.errors();
        line(out, "List", v.canList(), errors.get("canList"));
        line(out, "Read", v.canRead(), errors.get("canRead"));
        line(out, "Write", v.canWrite(), errors.get("canWrite"));
        line(out, "Overwrite", v.canOverwrite(), errors.get("canOverwrite"));
    }

    private static void line(PrintWriter out, String name, boolean green, String reason) {
        if (green) {
            out.printf("%-10s green%n", name);
        } else {
            out.printf("%-10s red    %s%n", name, reason == null ? "" : reason);
        }
    }
}
