package org.lightlyjava.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.server.store.jdbi.JdbiStore;
import org.lightlyjava.server.testing.Postgres;

/** Samples stored before schema version 3 get their metric columns filled in on upgrade. */
class SampleMetricsMigrationTest {

    private static final int EXTRA = 2100;

    @TempDir Path dir;

    @Test
    void sqlite_samplesOfVersion2AreSortableAfterTheUpgrade() throws SQLException {
        upgrade("jdbc:sqlite:" + dir.resolve("old.db"));
    }

    @Test
    void postgresql_samplesOfVersion2AreSortableAfterTheUpgrade() throws SQLException {
        upgrade(Postgres.freshSchema());
    }

    private static void upgrade(String url) throws SQLException {
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:org/lightlyjava/server/store/migration")
                .target("2")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO users VALUES ('" + id(1) + "', 'alice', 0)");
            s.execute(
                    "INSERT INTO datasets (id, user_id, name, type, n_samples, size_in_bytes,"
                            + " created_at, last_modified_at) VALUES ('"
                            + id(2)
                            + "', '"
                            + id(1)
                            + "', 'old', 'Images', 3, 0, 0, 0)");
            String[] metas = {
                "{\"sharpness\":2.5,\"snr\":1,\"shape\":[10,20,3]}", null, "{\"sharpness\":1}"
            };
            for (int i = 0; i < 3; i++) {
                s.execute(
                        "INSERT INTO samples (id, dataset_id, idx, file_name, type, meta_data,"
                                + " size_in_bytes, has_thumb, has_full, created_at,"
                                + " last_modified_at) VALUES ('"
                                + id(10 + i)
                                + "', '"
                                + id(2)
                                + "', "
                                + i
                                + ", 'f"
                                + i
                                + ".jpg', 'IMAGE', "
                                + (metas[i] == null ? "NULL" : "'" + metas[i] + "'")
                                + ", 0, FALSE, FALSE, 0, 0)");
            }
            insertMore(c, EXTRA);
        }
        try (Store store = JdbiStore.open(url)) {
            SampleQuery bySharpness =
                    new SampleQuery(
                            SampleField.of(SampleField.Kind.SHARPNESS),
                            false,
                            List.of(),
                            null,
                            0,
                            10);
            SamplePage page = store.samples().list(id(2), bySharpness);
            assertThat(page.samples().subList(0, 3))
                    .extracting(SampleSummary::fileName)
                    .containsExactly("f2.jpg", "f0.jpg", "f3.jpg");
            SampleSummary f0 = page.samples().get(1);
            assertThat(f0.snr()).isEqualTo(1.0);
            assertThat(f0.width()).isEqualTo(20);
            assertThat(f0.height()).isEqualTo(10);
            assertThat(store.samples().list(id(2), bySharpness).total())
                    .as("every chunk of the fill-in")
                    .isEqualTo(2 + EXTRA);
        }
    }

    /** Samples f3... with sharpness 100 and up: more than one chunk of the fill-in. */
    private static void insertMore(Connection c, int n) throws SQLException {
        try (PreparedStatement insert =
                c.prepareStatement(
                        "INSERT INTO samples (id, dataset_id, idx, file_name, type, meta_data,"
                                + " size_in_bytes, has_thumb, has_full, created_at,"
                                + " last_modified_at) VALUES (?, ?, ?, ?, 'IMAGE', ?, 0, FALSE,"
                                + " FALSE, 0, 0)")) {
            for (int i = 3; i < 3 + n; i++) {
                insert.setString(1, id(10 + i));
                insert.setString(2, id(2));
                insert.setInt(3, i);
                insert.setString(4, "f" + i + ".jpg");
                insert.setString(5, "{\"sharpness\":" + (100 + i) + "}");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String id(int n) {
        return String.format("%024x", n);
    }
}
