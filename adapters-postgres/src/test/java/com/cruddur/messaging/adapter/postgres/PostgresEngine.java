package com.cruddur.messaging.adapter.postgres;

import com.cruddur.messaging.devengines.EmbeddedPostgresEngine;
import com.cruddur.messaging.adapter.postgres.conversations.ConversationRows;
import com.cruddur.messaging.adapter.postgres.conversations.PostgresConversationStore;
import com.cruddur.messaging.adapter.postgres.users.PostgresUserDirectory;
import com.cruddur.messaging.adapter.postgres.users.UserRows;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** One embedded PostgreSQL for the test run, and Micronaut contexts on its databases (migrated by Flyway at start). */
public final class PostgresEngine {
    public static final EmbeddedPostgresEngine ENGINE = EmbeddedPostgresEngine.start();
    private static final ApplicationContext SHARED = context("cruddur_test");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SHARED.close();
            ENGINE.close();
        }));
    }

    private PostgresEngine() {
    }

    /** A migrated context on the named database (created if missing), as the app configures one. */
    public static ApplicationContext context(String database) {
        Databases.create(ENGINE.maintenanceDatabase(), database);
        return migrated(ApplicationContext.run(settings(ENGINE.jdbcUrl(database))));
    }

    public static ApplicationContext migrated(ApplicationContext context) {
        PostgresSchema.migrate(context.getBean(DataSource.class));
        return context;
    }

    public static Map<String, Object> settings(String jdbcUrl) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("datasources.default.url", jdbcUrl);
        settings.put("datasources.default.username", EmbeddedPostgresEngine.USER);
        settings.put("datasources.default.password", "");
        settings.put("datasources.default.dialect", "POSTGRES");
        settings.put("datasources.default.maximum-pool-size", 10);
        settings.put("datasources.default.connection-timeout", 2000);
        return settings;
    }

    public static PostgresConversationStore store() {
        return store(SHARED);
    }

    public static PostgresUserDirectory directory() {
        return directory(SHARED);
    }

    @SuppressWarnings("unchecked")
    public static PostgresConversationStore store(ApplicationContext context) {
        TransactionOperations<Connection> transactions = context.getBean(
                Argument.of(TransactionOperations.class, Connection.class));
        return new PostgresConversationStore(context.getBean(ConversationRows.class), transactions, failures(context));
    }

    public static PostgresUserDirectory directory(ApplicationContext context) {
        return new PostgresUserDirectory(context.getBean(UserRows.class), failures(context));
    }

    /** How the adapters on the context's database report its outages. */
    public static PostgresFailures failures(ApplicationContext context) {
        return new PostgresFailures(context.getRequiredProperty("datasources.default.url", String.class));
    }

    public static ApplicationContext shared() {
        return SHARED;
    }
}
