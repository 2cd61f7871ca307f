package com.cruddur.messaging.adapter.postgres.users;

import com.cruddur.messaging.adapter.postgres.PostgresFailures;
import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.model.UserId;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Blocks in {@code blocks}, next to the users they name. */
public final class PostgresBlocks implements Blocks {
    private final TransactionOperations<Connection> transactions;
    private final PostgresFailures failures;

    public PostgresBlocks(TransactionOperations<Connection> transactions, PostgresFailures failures) {
        this.transactions = transactions;
        this.failures = failures;
    }

    @Override
    public boolean block(UserId blocker, UserId blocked) {
        return update("INSERT INTO blocks (blocker_uuid, blocked_uuid) VALUES (?, ?) ON CONFLICT DO NOTHING", blocker, blocked);
    }

    @Override
    public boolean unblock(UserId blocker, UserId blocked) {
        return update("DELETE FROM blocks WHERE blocker_uuid = ? AND blocked_uuid = ?", blocker, blocked);
    }

    private boolean update(String sql, UserId blocker, UserId blocked) {
        return failures.guard(() -> transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                statement.setObject(1, blocker.value());
                statement.setObject(2, blocked.value());
                return statement.executeUpdate() > 0;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Override
    public List<UserId> blockedBy(UserId blocker) {
        return failures.guard(() -> transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(
                    "SELECT blocked_uuid FROM blocks WHERE blocker_uuid = ? ORDER BY created_at DESC, blocked_uuid")) {
                query.setObject(1, blocker.value());
                List<UserId> blocked = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        blocked.add(new UserId(rows.getObject(1, UUID.class)));
                    }
                }
                return blocked;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }
}
