package com.cruddur.messaging.adapter.postgres;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's migrations ({@code db/migration}), applied by Flyway. A database the original set up
 * has tables but no migration history: it is baselined at version 0, so every migration runs and
 * the first one finds the original's tables already there.
 */
public final class PostgresSchema {
    /** The advisory lock's key: "cruddur" in ASCII, so that nothing else on the database picks it by chance. */
    private static final long MIGRATION_LOCK = 0x63727564647572L;

    private PostgresSchema() {
    }

    /** Where a migration left the schema. */
    public record Migration(String version, int applied) {
    }

    /** Applies what is missing, or fails at once when the database cannot be reached. */
    public static Migration migrate(DataSource dataSource) {
        return migrate(dataSource, 0);
    }

    /**
     * Applies what is missing, first waiting for a database that cannot be reached yet: Flyway tries to connect
     * again up to {@code connectRetries} times, a second apart and then two. Micronaut's data source is a
     * per-transaction proxy: Flyway gets the pool behind it.
     *
     * <p>Instances of a deployment start at once: Flyway locks the database only once its history table exists,
     * and an instance that finds another one creating it (or baselining the original's database) fails. So one
     * instance migrates at a time, under a PostgreSQL advisory lock held on a connection of its own — released
     * with the connection's session if the instance dies. Before Flyway validates what was applied, the checksums
     * of migrations whose comments were reworded are brought up to date ({@link RewordedMigrations}).
     */
    public static Migration migrate(DataSource dataSource, int connectRetries) {
        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .connectRetries(connectRetries)
                .connectRetriesInterval(2)
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        flyway.info(); // waits for the database (connectRetries), so that the lock's connection finds it
        try (Connection connection = pool.getConnection(); Statement lock = connection.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            try {
                RewordedMigrations.acknowledge(connection);
                MigrateResult result = flyway.migrate();
                // The result knows where the schema was and went.
                String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
                return new Migration(version, result.migrationsExecuted);
            } finally {
                lock.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the lock that serialises migrations", e);
        }
    }
}
