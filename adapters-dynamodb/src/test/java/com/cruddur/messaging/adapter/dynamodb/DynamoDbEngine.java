package com.cruddur.messaging.adapter.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** One DynamoDB Local for the whole test run, with the table created once. Tests use fresh ids, so they can share it. */
final class DynamoDbEngine {
    static final LocalDynamoDb LOCAL = LocalDynamoDb.start();
    static final DynamoDbSettings SETTINGS = DynamoDbSettings.local(LOCAL.endpoint());
    static final DynamoDbClient CLIENT = DynamoDbClients.dynamoDb(SETTINGS);
    static final DynamoDbStreamsClient STREAMS = DynamoDbClients.streams(SETTINGS);
    static final MessagesTable TABLE = new MessagesTable(CLIENT, SETTINGS.tableName());

    static {
        TABLE.create();
        Runtime.getRuntime().addShutdownHook(new Thread(LOCAL::close));
    }

    private DynamoDbEngine() {
    }

    static DynamoDbConversationStore store(CapacityLog capacity) {
        return new DynamoDbConversationStore(CLIENT, TABLE.name(), capacity);
    }
}
