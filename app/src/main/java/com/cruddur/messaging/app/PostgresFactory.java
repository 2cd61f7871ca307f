package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.postgres.conversations.ConversationRows;
import com.cruddur.messaging.adapter.postgres.conversations.PostgresConversationStore;
import com.cruddur.messaging.adapter.postgres.users.PostgresUserDirectory;
import com.cruddur.messaging.adapter.postgres.users.UserRows;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;

/** {@code cruddur.store=postgres} and {@code cruddur.directory=postgres}: the PostgreSQL adapters on Micronaut Data JDBC. */
@Factory
class PostgresFactory {

    @Singleton
    @Requires(property = StoreSelection.PROPERTY, value = "postgres")
    ConversationStore conversationStore(ConversationRows rows, TransactionOperations<Connection> transactions) {
        return new PostgresConversationStore(rows, transactions);
    }

    @Singleton
    @Requires(property = StoreSelection.DIRECTORY_PROPERTY, value = "postgres")
    PostgresUserDirectory userDirectory(UserRows rows) {
        return new PostgresUserDirectory(rows);
    }
}
