package com.cruddur.messaging.adapter.dynamodb;

import com.cruddur.messaging.domain.error.StoreUnavailableException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Turns what DynamoDB throws when it cannot serve us (unreachable, timed out, throttled after the
 * SDK's retries, server errors, missing table) into the domain's "store unavailable". Errors that
 * mean our request was wrong stay as they are: they are bugs, not outages.
 */
final class DynamoDbFailures {
    static final String STORE = "DynamoDB";

    private DynamoDbFailures() {
    }

    static <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkClientException e) {
            throw new StoreUnavailableException(STORE, e);
        } catch (DynamoDbException e) {
            if (isOutage(e)) {
                throw new StoreUnavailableException(STORE, e);
            }
            throw e;
        }
    }

    /** A conditional write that kept colliding: something is badly wrong, so callers get "unavailable", not a loop. */
    static StoreUnavailableException gaveUp(String what) {
        return new StoreUnavailableException(STORE, new IllegalStateException(
                "gave up after " + DynamoDbConversationStore.MAX_ATTEMPTS + " attempts to " + what));
    }

    static boolean isOutage(DynamoDbException e) {
        return e.isThrottlingException() || e.statusCode() >= 500 || e.statusCode() == 0
                || e instanceof ResourceNotFoundException
                || e instanceof RequestLimitExceededException
                || e instanceof ProvisionedThroughputExceededException;
    }
}
