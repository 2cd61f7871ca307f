package com.cruddur.messaging.adapter.dynamodb;

import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.adapter.dynamodb.table.MessagesTable;
import com.cruddur.messaging.devengines.LocalDynamoDb;
import com.cruddur.messaging.domain.model.MessageGroupId;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** One DynamoDB Local for the whole test run, with the table created once. Tests use fresh ids, so they can share it. */
public final class DynamoDbEngine {
    public static final LocalDynamoDb LOCAL = LocalDynamoDb.start();
    public static final DynamoDbSettings SETTINGS = DynamoDbSettings.local(LOCAL.endpoint());
    public static final DynamoDbClient CLIENT = DynamoDbClients.dynamoDb(SETTINGS);
    public static final DynamoDbStreamsClient STREAMS = DynamoDbClients.streams(SETTINGS);
    public static final MessagesTable TABLE = new MessagesTable(CLIENT, SETTINGS.tableName());

    static {
        TABLE.create();
        Runtime.getRuntime().addShutdownHook(new Thread(LOCAL::close));
    }

    private DynamoDbEngine() {
    }

    /** The items the GSI holds for a group, as the original's stream Lambda queried them. */
    public static List<Map<String, AttributeValue>> indexRowsOf(MessageGroupId group) {
        return CLIENT.query(query -> query.tableName(TABLE.name()).indexName(MessagesTable.GROUP_INDEX)
                .keyConditionExpression("message_group_uuid = :g")
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(group.toString())))).items();
    }

    public static DynamoDbConversationStore store(CapacityLog capacity) {
        return new DynamoDbConversationStore(CLIENT, TABLE.name(), capacity);
    }
}
