package com.cruddur.messaging.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.postgres.users.NewUser;
import com.cruddur.messaging.adapter.postgres.users.PostgresBlocks;
import com.cruddur.messaging.adapter.postgres.users.UserRows;
import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.contract.BlocksContract;
import com.cruddur.messaging.domain.fixtures.Profiles;
import com.cruddur.messaging.domain.model.User;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The blocks' contract on {@code public.blocks}, which names users of {@code public.users}. */
class PostgresBlocksTest extends BlocksContract {
    @SuppressWarnings("unchecked")
    private final TransactionOperations<Connection> transactions = PostgresEngine.shared().getBean(
            Argument.of(TransactionOperations.class, Connection.class));
    private final PostgresBlocks blocks = new PostgresBlocks(PostgresEngine.shared().getBean(UserRows.class),
            PostgresEngine.failures(PostgresEngine.shared()));

    @Override
    protected Blocks blocksAmong(List<User> users) {
        PostgresEngine.directory().seed(users.stream().map(user -> new NewUser(user, user.handle() + "@example.com")).toList());
        return blocks;
    }

    @Test
    void aDeletedUsersBlocksGoWithThem() throws Exception {
        User andrew = Profiles.user("andrew");
        User bayko = Profiles.user("bayko");
        blocksAmong(List.of(andrew, bayko));
        blocks.block(andrew.id(), bayko.id());
        blocks.block(bayko.id(), andrew.id());

        transactions.executeWrite(status -> {
            try (Statement statement = status.getConnection().createStatement()) {
                return statement.executeUpdate("DELETE FROM users WHERE uuid = '" + bayko.id() + "'");
            }
        });

        assertThat(blocks.blockedBy(andrew.id())).isEmpty();
        assertThat(count("SELECT count(*) FROM blocks WHERE blocker_uuid = '" + bayko.id() + "'")).isZero();
    }

    private int count(String sql) {
        return transactions.executeRead(status -> {
            try (Statement statement = status.getConnection().createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}
