package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.postgres.PostgresSchema;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the PostgreSQL schema up to date before the service takes requests (off with {@code cruddur.postgres.migrate-on-start=false}). */
@Context
@Requires(beans = DataSource.class)
@Requires(property = "cruddur.postgres.migrate-on-start", value = "true", defaultValue = "true")
class SchemaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    /**
     * A database that cannot be reached yet (an instance restarted while PostgreSQL restarts too) is waited
     * for, {@code cruddur.postgres.connect-retries-on-start} times: the fault soak found a killed instance that
     * never came back because its restart met PostgreSQL down.
     */
    SchemaMigration(DataSource dataSource, @Value("${cruddur.postgres.connect-retries-on-start:30}") int connectRetries) {
        var result = PostgresSchema.migrate(dataSource, connectRetries);
        LOG.info("PostgreSQL schema at version {} ({} migrations applied now)", result.version(), result.applied());
    }
}
