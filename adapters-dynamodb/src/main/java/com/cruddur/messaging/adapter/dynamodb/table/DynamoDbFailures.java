package com.cruddur.messaging.adapter.dynamodb.table;

import com.cruddur.messaging.domain.error.OverloadedException;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.support.StoreReachability;
import java.net.URI;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsClient;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Turns what DynamoDB throws when it cannot serve us (unreachable, timed out, throttled after the
 * SDK's retries, server errors, missing table) into the domain's "store unavailable", and tells the
 * operator once when it starts and once when it ends ({@link StoreReachability}), not once per failed
 * call; each call's stack trace is at DEBUG. Errors that mean our request was wrong stay as they are:
 * they are bugs, not outages.
 */
public final class DynamoDbFailures {
    public static final String STORE = "DynamoDB";
    /** Collisions are one microsecond apart, so this many means something is badly wrong, not busy. */
    public static final int MAX_ATTEMPTS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbFailures.class);

    private final StoreReachability reachability;

    public DynamoDbFailures(StoreReachability reachability) {
        this.reachability = reachability;
    }

    public StoreReachability reachability() {
        return reachability;
    }

    /** The reachability of what the client calls, named by its endpoint (an override, or AWS's in its region). */
    static StoreReachability reachabilityOf(String store, AwsClient client) {
        var configuration = client.serviceClientConfiguration();
        String endpoint = configuration.endpointOverride().map(URI::toString)
                .orElseGet(() -> "AWS in " + configuration.region());
        return new StoreReachability(store, endpoint);
    }

    <T> T guard(Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (SdkClientException e) {
            if (waitedForOurOwnPool(e)) {
                // DynamoDB is fine: this instance has more calls in flight than connections to make them.
                throw new OverloadedException(STORE, e);
            }
            throw unavailable(e);
        } catch (DynamoDbException e) {
            if (isOutage(e)) {
                throw unavailable(e);
            }
            answered(); // it answered: a condition failed, or the request was wrong
            throw e;
        }
        answered();
        return result;
    }

    private void answered() {
        reachability.answered().ifPresent(LOG::info);
    }

    private StoreUnavailableException unavailable(RuntimeException e) {
        reachability.failed(e).ifPresent(LOG::warn);
        LOG.debug("a call to {} at {} failed", reachability.store(), reachability.endpoint(), e);
        return new StoreUnavailableException(STORE, e);
    }

    /** The HTTP client's own connection pool had no connection free in time (Apache's pool timeout). */
    static boolean waitedForOurOwnPool(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause.getClass().getName().endsWith(".ConnectionPoolTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    /** A conditional write that kept colliding: something is badly wrong, so callers get "unavailable", not a loop. */
    public static StoreUnavailableException gaveUp(String what) {
        return new StoreUnavailableException(STORE, new IllegalStateException(
                "gave up after " + MAX_ATTEMPTS + " attempts to " + what));
    }

    static boolean isOutage(DynamoDbException e) {
        return e.isThrottlingException() || e.statusCode() >= 500 || e.statusCode() == 0
                || e instanceof ResourceNotFoundException
                || e instanceof RequestLimitExceededException
                || e instanceof ProvisionedThroughputExceededException;
    }
}
