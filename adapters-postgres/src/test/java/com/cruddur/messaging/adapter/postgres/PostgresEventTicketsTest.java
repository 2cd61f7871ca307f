package com.cruddur.messaging.adapter.postgres;

import com.cruddur.messaging.adapter.postgres.events.PostgresEventTickets;
import com.cruddur.messaging.domain.application.port.out.EventTickets;
import com.cruddur.messaging.domain.contract.EventTicketsContract;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;

/** Tickets are shared by instances (one table): each call hands out another instance's view of it. */
class PostgresEventTicketsTest extends EventTicketsContract {

    @Override
    @SuppressWarnings("unchecked")
    protected EventTickets tickets() {
        TransactionOperations<Connection> transactions = PostgresEngine.shared().getBean(
                Argument.of(TransactionOperations.class, Connection.class));
        return new PostgresEventTickets(transactions, PostgresEngine.failures(PostgresEngine.shared()));
    }
}
