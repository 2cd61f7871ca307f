package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.dynamodb.DynamoDbConversationStore;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Parallel;
import io.micronaut.context.annotation.Requires;

/**
 * Builds the DynamoDB store and its AWS SDK client on a thread of its own while the PostgreSQL side
 * starts (pool, schema): the first request needs both, and on the main thread one waited for the other.
 * Whoever needs the store first waits for this one instead of building a second.
 */
@Context
@Parallel
@Requires(property = StoreSelection.PROPERTY, value = "dynamodb")
class DynamoDbWarmUp {
    DynamoDbWarmUp(DynamoDbConversationStore store) {
        // creating the store (and its client) is the point
    }
}
