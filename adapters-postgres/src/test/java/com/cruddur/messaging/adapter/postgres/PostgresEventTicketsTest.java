package com.cruddur.messaging.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.postgres.events.PostgresEventTickets;
import com.cruddur.messaging.domain.model.UserId;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tickets are shared by instances (one table), used once, and worthless after their minute. */
class PostgresEventTicketsTest {
    @SuppressWarnings("unchecked")
    private final TransactionOperations<Connection> transactions = PostgresEngine.shared().getBean(
            Argument.of(TransactionOperations.class, Connection.class));
    private final PostgresEventTickets here = new PostgresEventTickets(transactions, PostgresEngine.failures(PostgresEngine.shared()));
    private final PostgresEventTickets elsewhere = new PostgresEventTickets(transactions, PostgresEngine.failures(PostgresEngine.shared()));

    @Test
    void aTicketIsRedeemedOnceAnywhereAndOnlyBeforeItExpires() {
        UserId user = new UserId(UUID.randomUUID());
        Instant now = Instant.now();
        here.issue("ticket-" + UUID.randomUUID(), user, now.plusSeconds(60));
        String ticket = "ticket-" + UUID.randomUUID();
        here.issue(ticket, user, now.plusSeconds(60));
        String expiring = "ticket-" + UUID.randomUUID();
        here.issue(expiring, user, now.plusSeconds(60));

        assertThat(elsewhere.redeem(ticket, now)).contains(user);
        assertThat(here.redeem(ticket, now)).isEmpty();
        assertThat(elsewhere.redeem(expiring, now.plusSeconds(61))).isEmpty();
        assertThat(here.redeem(expiring, now)).isEmpty();
        assertThat(here.redeem("never-issued", now)).isEmpty();
    }
}
