package com.cruddur.messaging.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.error.OverloadedException;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * HikariCP's "connection is not available" means our own pool ran dry when it carries no cause, and the
 * database cannot be reached when it carries why: overload in the first case, an outage in the second.
 */
class PostgresFailuresTest {
    private final PostgresFailures failures = new PostgresFailures("jdbc:postgresql://127.0.0.1:5433/cruddur?password=x");

    @Test
    void aPoolThatRanDryIsOverloadNotAnOutage() {
        RuntimeException poolDry = new IllegalStateException(new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2000ms (total=32, active=32, idle=0, waiting=5)"));

        assertThatThrownBy(() -> failures.guard(() -> {
            throw poolDry;
        })).isInstanceOf(OverloadedException.class).hasCause(poolDry);
    }

    @Test
    void aPoolThatCannotConnectIsAnOutage() {
        RuntimeException unreachable = new IllegalStateException(new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2000ms", new ConnectException("Connection refused")));

        assertThatThrownBy(() -> failures.guard(() -> {
            throw unreachable;
        })).isInstanceOf(StoreUnavailableException.class).hasCause(unreachable);
    }
}
