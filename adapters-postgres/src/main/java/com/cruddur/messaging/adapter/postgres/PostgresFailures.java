package com.cruddur.messaging.adapter.postgres;

import com.cruddur.messaging.domain.error.OverloadedException;
import com.cruddur.messaging.support.StoreReachability;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import io.micronaut.data.connection.exceptions.ConnectionException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns "PostgreSQL cannot serve us" (no connection from the pool in time, refused, broken or
 * killed connections, statement timeouts, the server shutting down or out of resources) into the domain's
 * "store unavailable", and tells the operator once when it starts and once when it ends
 * ({@link StoreReachability}), not once per failed call; each call's stack trace is at DEBUG. Other SQL
 * errors are bugs and stay as they are. One per database: every adapter on it reports through the same one.
 */
public final class PostgresFailures {
    public static final String STORE = "PostgreSQL";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresFailures.class);

    private final StoreReachability reachability;

    /** For the database at the JDBC URL (named without its parameters, which may hold a password). */
    public PostgresFailures(String jdbcUrl) {
        int parameters = jdbcUrl.indexOf('?');
        this.reachability = new StoreReachability(STORE, parameters < 0 ? jdbcUrl : jdbcUrl.substring(0, parameters));
    }

    /** Whether PostgreSQL answers, call by call (the pool and the event listener together). */
    public StoreReachability reachability() {
        return reachability;
    }

    public <T> T guard(Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            if (waitedForOurOwnPool(e)) {
                // PostgreSQL is fine: this instance has more statements in flight than pooled connections.
                throw new OverloadedException(STORE, e);
            }
            if (isOutage(e)) {
                unavailable(e);
                throw new StoreUnavailableException(STORE, e);
            }
            answered(); // it answered: the statement was wrong
            throw e;
        }
        answered();
        return result;
    }

    /** A call that got an answer, made outside {@link #guard} (the event listener's connection). */
    public void answered() {
        reachability.answered().ifPresent(LOG::info);
    }

    /** A call that failed because PostgreSQL cannot serve us, made outside {@link #guard}. */
    public void unavailable(Throwable failure) {
        reachability.failed(failure).ifPresent(LOG::warn);
        LOG.debug("a call to {} at {} failed", STORE, reachability.endpoint(), failure);
    }

    /**
     * HikariCP had no connection free within its connection timeout while the database answers: its
     * exception then carries no cause (when the database is down, the cause is why it cannot connect).
     */
    static boolean waitedForOurOwnPool(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException && cause.getCause() == null) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
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
