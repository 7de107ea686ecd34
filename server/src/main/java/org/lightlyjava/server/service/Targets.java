package org.lightlyjava.server.service;

import static org.lightlyjava.server.datasource.DatasourceConfigs.INPUT;
import static org.lightlyjava.server.datasource.DatasourceConfigs.INPUT_OUTPUT;
import static org.lightlyjava.server.datasource.DatasourceConfigs.LIGHTLY;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lightlyjava.server.store.DatasourceRecord;

/**
 * A dataset's datasources by use. Images are read from INPUT_OUTPUT, else INPUT, and written to
 * INPUT_OUTPUT (INPUT is read-only). Thumbnails live in LIGHTLY, else INPUT_OUTPUT (written there),
 * else INPUT (read only: thumbnails made beforehand). Where no datasource serves a use, the
 * server's own blob folder does.
 */
final class Targets {

    private final Map<String, DatasourceRecord> byPurpose = new HashMap<>();

    private Targets(List<DatasourceRecord> records) {
        for (DatasourceRecord r : records) {
            byPurpose.put(r.purpose(), r);
        }
    }

    static Targets of(List<DatasourceRecord> records) {
        return new Targets(records);
    }

    boolean isEmpty() {
        return byPurpose.isEmpty();
    }

    DatasourceRecord fullWrite() {
        return byPurpose.get(INPUT_OUTPUT);
    }

    DatasourceRecord thumbWrite() {
        return first(LIGHTLY, INPUT_OUTPUT);
    }

    DatasourceRecord fullRead() {
        return first(INPUT_OUTPUT, INPUT);
    }

    DatasourceRecord thumbRead() {
        return first(LIGHTLY, INPUT_OUTPUT, INPUT);
    }

    private DatasourceRecord first(String... purposes) {
        for (String purpose : purposes) {
            DatasourceRecord r = byPurpose.get(purpose);
            if (r != null) {
                return r;
            }
        }
        return null;
    }
}
