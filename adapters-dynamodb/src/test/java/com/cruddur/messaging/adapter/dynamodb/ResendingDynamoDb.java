package com.cruddur.messaging.adapter.dynamodb;

import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A network that loses the answer to every write: the write is done, its answer never arrives, and the
 * SDK sends the same request again (as it does after an attempt timeout), whose answer the caller gets.
 */
final class ResendingDynamoDb implements DynamoDbClient {
    private final DynamoDbClient table;

    ResendingDynamoDb(DynamoDbClient table) {
        this.table = table;
    }

    @Override
    public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
        return table.serviceClientConfiguration();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return table.getItem(request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return table.query(request);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return twice(() -> table.putItem(request));
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        return twice(() -> table.updateItem(request));
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return twice(() -> table.deleteItem(request));
    }

    @Override
    public String serviceName() {
        return table.serviceName();
    }

    @Override
    public void close() {
        // the real client belongs to the test engine
    }

    private static <T> T twice(Supplier<T> write) {
        try {
            write.get();
        } catch (SdkException lost) {
            // whatever the first attempt's answer was, it never arrived
        }
        return write.get();
    }
}
