package com.cruddur.messaging.adapter.dynamodb;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
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
 * A process that dies after a given number of writes: the writes before go to the real table, and
 * from the next one on every call fails, as the calls of a killed process never arrive.
 */
final class CrashingDynamoDb implements DynamoDbClient {
    private final DynamoDbClient table;
    private final AtomicInteger writesLeft;

    CrashingDynamoDb(DynamoDbClient table, int writesBeforeCrash) {
        this.table = table;
        this.writesLeft = new AtomicInteger(writesBeforeCrash);
    }

    @Override
    public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
        return table.serviceClientConfiguration();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        alive();
        return table.getItem(request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        alive();
        return table.query(request);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        write();
        return table.putItem(request);
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        write();
        return table.updateItem(request);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        write();
        return table.deleteItem(request);
    }

    @Override
    public String serviceName() {
        return table.serviceName();
    }

    @Override
    public void close() {
        // the real client belongs to the test engine
    }

    private void write() {
        alive();
        if (writesLeft.decrementAndGet() < 0) {
            throw crashed();
        }
    }

    private void alive() {
        if (writesLeft.get() < 0) {
            throw crashed();
        }
    }

    private static SdkClientException crashed() {
        return SdkClientException.create("injected crash: the process died");
    }
}
