package com.cruddur.messaging.adapter.postgres.events;

import com.cruddur.messaging.adapter.postgres.PostgresFailures;
import com.cruddur.messaging.domain.application.port.out.EventTickets;
import com.cruddur.messaging.domain.model.UserId;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Tickets in {@code event_tickets}, so that any instance can redeem one; redeeming deletes it (one use). */
public final class PostgresEventTickets implements EventTickets {
    private final TransactionOperations<Connection> transactions;
    private final PostgresFailures failures;

    public PostgresEventTickets(TransactionOperations<Connection> transactions, PostgresFailures failures) {
        this.transactions = transactions;
        this.failures = failures;
    }

    @Override
    public void issue(String ticket, UserId user, Instant expiresAt) {
        failures.guard(() -> transactions.executeWrite(status -> {
            try (PreparedStatement forget = status.getConnection().prepareStatement(
                    "DELETE FROM event_tickets WHERE expires_at < now()");
                 PreparedStatement insert = status.getConnection().prepareStatement(
                    "INSERT INTO event_tickets (ticket, user_uuid, expires_at) VALUES (?, ?, ?)")) {
                forget.executeUpdate();
                insert.setString(1, ticket);
                insert.setObject(2, user.value());
                insert.setTimestamp(3, Timestamp.from(expiresAt));
                return insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Override
    public Optional<UserId> redeem(String ticket, Instant now) {
        return failures.guard(() -> transactions.executeWrite(status -> {
            try (PreparedStatement redeem = status.getConnection().prepareStatement(
                    "DELETE FROM event_tickets WHERE ticket = ? RETURNING user_uuid, expires_at")) {
                redeem.setString(1, ticket);
                try (ResultSet row = redeem.executeQuery()) {
                    if (!row.next() || !row.getTimestamp("expires_at").toInstant().isAfter(now)) {
                        return Optional.<UserId>empty();
                    }
                    return Optional.of(new UserId(row.getObject("user_uuid", UUID.class)));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Override
    public int forgetTicketsOf(UserId user) {
        return failures.guard(() -> transactions.executeWrite(status -> {
            try (PreparedStatement forget = status.getConnection().prepareStatement(
                    "DELETE FROM event_tickets WHERE user_uuid = ?")) {
                forget.setObject(1, user.value());
                return forget.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }
}
