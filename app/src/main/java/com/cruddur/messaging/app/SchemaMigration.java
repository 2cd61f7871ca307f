package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.postgres.PostgresSchema;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the PostgreSQL schema up to date before the service takes requests (off with {@code cruddur.postgres.migrate-on-start=false}). */
@Context
@Requires(beans = DataSource.class)
@Requires(property = "cruddur.postgres.migrate-on-start", value = "true", defaultValue = "true")
class SchemaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    SchemaMigration(DataSource dataSource) {
        var result = PostgresSchema.migrate(dataSource);
        LOG.info("PostgreSQL schema at version {} ({} migrations applied now)", result.version(), result.applied());
    }
}
