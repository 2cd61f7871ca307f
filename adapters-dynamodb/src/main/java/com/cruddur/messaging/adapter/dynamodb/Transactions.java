package com.cruddur.messaging.adapter.dynamodb;

import com.cruddur.messaging.domain.error.StoreUnavailableException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reading why DynamoDB cancelled a transaction, item by item, and deciding whether to try again. */
final class Transactions {
    static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String CONFLICT = "TransactionConflict";
    private static final String NONE = "None";

    private Transactions() {
    }

    /** One code per item of the transaction, in order; {@code None} for items that were fine. */
    static List<String> reasons(TransactionCanceledException e) {
        return e.cancellationReasons().stream().map(reason -> reason.code() == null ? NONE : reason.code()).toList();
    }

    static boolean failed(List<String> reasons, int item) {
        return CONDITION_FAILED.equals(reasons.get(item));
    }

    /**
     * Returns when the caller may try again after dealing with the failed conditions: after a short
     * jittered pause if another transaction held one of the items. Throttling is an outage; any other
     * reason is a bug and is thrown as it came.
     */
    static void retryOrThrow(List<String> reasons, TransactionCanceledException e) {
        for (String reason : reasons) {
            if (reason.contains("Throttl") || reason.contains("ProvisionedThroughput")) {
                throw new StoreUnavailableException(DynamoDbFailures.STORE, e);
            }
            if (!NONE.equals(reason) && !CONDITION_FAILED.equals(reason) && !CONFLICT.equals(reason)) {
                throw e;
            }
        }
        if (reasons.contains(CONFLICT)) {
            pause();
        }
    }

    static StoreUnavailableException gaveUp(String what) {
        return new StoreUnavailableException(DynamoDbFailures.STORE,
                new IllegalStateException("gave up after " + DynamoDbConversationStore.MAX_ATTEMPTS + " attempts to " + what));
    }

    private static void pause() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(2, 20));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(DynamoDbFailures.STORE, interrupted);
        }
    }
}
