package com.cruddur.messaging.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.devengines.EmbeddedPostgresEngine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A database that applied migrations before their comments were reworded still starts; any other change does not. */
class RewordedMigrationsTest {

    @Test
    void aFreshDatabaseRecordsTheNewWordingsChecksums() throws SQLException {
        PGSimpleDataSource source = migratedDatabase();

        assertThat(checksums(source)).containsAllEntriesOf(wordings(true));
    }

    @Test
    void aDatabaseThatAppliedTheEarlierWordingsStartsAndIsBroughtUpToDate() throws SQLException {
        PGSimpleDataSource source = migratedDatabase();
        record(source, wordings(false));

        PostgresSchema.Migration migration = PostgresSchema.migrate(source);

        assertThat(migration.applied()).isZero();
        assertThat(checksums(source)).containsAllEntriesOf(wordings(true));
    }

    @Test
    void anyOtherChangeToAnAppliedMigrationStillStopsTheStart() throws SQLException {
        PGSimpleDataSource source = migratedDatabase();
        record(source, Map.of("7", 12345));

        assertThatThrownBy(() -> PostgresSchema.migrate(source)).isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch");
        assertThat(checksums(source)).containsEntry("7", 12345);
    }

    private static Map<String, Integer> wordings(boolean after) {
        Map<String, Integer> checksums = new TreeMap<>();
        RewordedMigrations.REWORDINGS.forEach(r -> checksums.put(r.version(), after ? r.after() : r.before()));
        return checksums;
    }

    private static PGSimpleDataSource migratedDatabase() {
        String database = "reworded_" + System.nanoTime();
        Databases.create(PostgresEngine.ENGINE.maintenanceDatabase(), database);
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(PostgresEngine.ENGINE.jdbcUrl(database));
        source.setUser(EmbeddedPostgresEngine.USER);
        PostgresSchema.migrate(source);
        return source;
    }

    private static void record(PGSimpleDataSource source, Map<String, Integer> checksums) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, Integer> entry : checksums.entrySet()) {
                statement.executeUpdate("UPDATE flyway_schema_history SET checksum = " + entry.getValue()
                        + " WHERE version = '" + entry.getKey() + "'");
            }
        }
    }

    private static Map<String, Integer> checksums(PGSimpleDataSource source) throws SQLException {
        Map<String, Integer> checksums = new TreeMap<>();
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, checksum FROM flyway_schema_history WHERE version IS NOT NULL")) {
            while (rows.next()) {
                checksums.put(rows.getString(1), rows.getInt(2));
            }
        }
        return checksums;
    }
}
