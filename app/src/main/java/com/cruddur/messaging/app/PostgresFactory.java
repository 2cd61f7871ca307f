package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.postgres.PostgresFailures;
import com.cruddur.messaging.adapter.postgres.conversations.ConversationRows;
import com.cruddur.messaging.adapter.postgres.conversations.PostgresConversationStore;
import com.cruddur.messaging.adapter.postgres.events.PostgresEventBus;
import com.cruddur.messaging.adapter.postgres.events.PostgresEventTickets;
import com.cruddur.messaging.adapter.postgres.users.PostgresBlocks;
import com.cruddur.messaging.adapter.postgres.users.PostgresUserDirectory;
import com.cruddur.messaging.adapter.postgres.users.UserRows;
import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.application.port.out.EventTickets;
import com.cruddur.messaging.support.EventWindow;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cruddur.store=postgres} and {@code cruddur.directory=postgres}: the PostgreSQL adapters on
 * Micronaut Data JDBC. Where the directory is in PostgreSQL, so are the event bus (LISTEN/NOTIFY) and the
 * event tickets: every instance already has that database.
 */
@Factory
class PostgresFactory {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresFactory.class);


    /** One for the database, shared by every adapter on it: an outage is told once, whoever notices it. */
    @Singleton
    PostgresFailures postgresFailures(@Value("${datasources.default.url}") String url) {
        return new PostgresFailures(url);
    }

    @Singleton
    @Requires(property = StoreSelection.PROPERTY, value = "postgres")
    PostgresConversationStore conversationStore(ConversationRows rows, TransactionOperations<Connection> transactions,
                                                PostgresFailures failures) {
        return new PostgresConversationStore(rows, transactions, failures);
    }

    @Singleton
    @Requires(property = StoreSelection.DIRECTORY_PROPERTY, value = "postgres")
    PostgresUserDirectory userDirectory(UserRows rows, PostgresFailures failures) {
        return new PostgresUserDirectory(rows, failures);
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = StoreSelection.DIRECTORY_PROPERTY, value = "postgres")
    PostgresEventBus eventBus(TransactionOperations<Connection> transactions, JsonMapper json,
                              @Value("${datasources.default.url}") String url,
                              @Value("${datasources.default.username:}") String user,
                              @Value("${datasources.default.password:}") String password,
                              @Value("${cruddur.events.window:" + EventWindow.DEFAULT_SIZE + "}") int window,
                              PostgresFailures failures, JdbcTimeouts timeouts)
            throws InterruptedException {
        PostgresEventBus bus = new PostgresEventBus(transactions, () -> {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password);
            properties.setProperty("ApplicationName", "cruddur-events");
            timeouts.applyTo(properties);
            return DriverManager.getConnection(url, properties);
        }, json, window, failures);
        if (!bus.awaitListening(Duration.ofSeconds(5))) {
            LOG.warn("not yet listening for events on {}: open streams start once PostgreSQL answers", url);
        }
        return bus;
    }

    @Singleton
    @Requires(property = StoreSelection.DIRECTORY_PROPERTY, value = "postgres")
    EventTickets eventTickets(TransactionOperations<Connection> transactions, PostgresFailures failures) {
        return new PostgresEventTickets(transactions, failures);
    }

    @Singleton
    @Requires(property = StoreSelection.DIRECTORY_PROPERTY, value = "postgres")
    Blocks blocks(UserRows rows, PostgresFailures failures) {
        return new PostgresBlocks(rows, failures);
    }
}
