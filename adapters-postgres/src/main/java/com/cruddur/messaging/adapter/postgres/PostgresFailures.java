package com.cruddur.messaging.adapter.postgres;

import com.cruddur.messaging.domain.error.StoreUnavailableException;
import io.micronaut.data.connection.exceptions.ConnectionException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;

/**
 * Turns "PostgreSQL cannot serve us" (no connection from the pool in time, refused, broken or
 * killed connections, statement timeouts, the server shutting down or out of resources) into the domain's
 * "store unavailable". Other SQL errors are bugs and stay as they are.
 */
public final class PostgresFailures {
    public static final String STORE = "PostgreSQL";

    private PostgresFailures() {
    }

    public static <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (isOutage(e)) {
                throw new StoreUnavailableException(STORE, e);
            }
            throw e;
        }
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Micronaut reports a connection it could not get or use (e.g. one the server just killed) as ConnectionException.
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLTimeoutException || cause instanceof ConnectException
                    || cause instanceof SocketTimeoutException || cause instanceof ConnectionException) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (isOutage(suppressed)) {
                    return true;
                }
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && isOutageState(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** 08: connection exception; 53: insufficient resources; 57: operator intervention (shutdown, cancel); 58: system error. */
    private static boolean isOutageState(String state) {
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.startsWith("58");
    }
}
