package com.cruddur.messaging.adapter.postgres;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's migrations ({@code db/migration}), applied by Flyway. A database the original set up
 * has tables but no migration history: it is baselined at version 0, so every migration runs and
 * the first one finds the original's tables already there.
 */
public final class PostgresSchema {
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
     */
    public static Migration migrate(DataSource dataSource, int connectRetries) {
        Flyway flyway = Flyway.configure()
                .dataSource(DelegatingDataSource.unwrapDataSource(dataSource))
                .connectRetries(connectRetries)
                .connectRetriesInterval(2)
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        MigrateResult result = flyway.migrate();
        // No second pass over the history (Flyway.info): the result knows where the schema was and went.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return new Migration(version, result.migrationsExecuted);
    }
}
