package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Postgres;
import org.lightlyjava.server.testing.ServerTestBase;

/**
 * {@code sort=fileName} on PostgreSQL is code point order, as on SQLite, whatever the collation of
 * the column: here a linguistic ICU collation, under which {@code a.jpg} would come before {@code
 * B.jpg}. Skipped without PostgreSQL or without ICU.
 */
class PostgresFileNameOrderTest extends ServerTestBase {

    private String url;

    @Override
    protected ServerSettings.Builder settings(ServerSettings.Builder builder) {
        url = Postgres.freshSchema();
        return builder.database(url);
    }

    @Test
    void sortByFileName_isCodePointOrder_underALinguisticCollation() throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            ResultSet icu =
                    s.executeQuery(
                            "SELECT count(*) FROM pg_collation WHERE collname = 'und-x-icu'");
            icu.next();
            assumeTrue(icu.getInt(1) > 0, "this PostgreSQL has no ICU collations");
            s.execute("ALTER TABLE samples ALTER COLUMN file_name TYPE TEXT COLLATE \"und-x-icu\"");
        }
        String ds = newDataset();
        List<String> names = List.of("b.jpg", "Z.jpg", "_c.jpg", "a.jpg", "B.jpg", "\u00e9.jpg");
        for (String name : names) {
            assertThat(
                            alice.post("/v1/datasets/" + ds + "/samples", Fixtures.sample(name))
                                    .status())
                    .isEqualTo(200);
        }
        List<String> sorted = new ArrayList<>();
        alice.get("/v1/lightly-java/datasets/" + ds + "/samples?sort=fileName")
                .json()
                .get("samples")
                .forEach(n -> sorted.add(n.get("fileName").asText()));
        assertThat(sorted)
                .containsExactly("B.jpg", "Z.jpg", "_c.jpg", "a.jpg", "b.jpg", "\u00e9.jpg");
    }
}
