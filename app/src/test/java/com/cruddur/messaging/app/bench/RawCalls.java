package com.cruddur.messaging.app.bench;

import static software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity.TOTAL;

import com.cruddur.messaging.adapter.dynamodb.DynamoDbClients;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbSettings;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The baseline: for each API operation, the same store calls the service makes in steady state
 * (DynamoDB reads and conditional writes, each asking for its consumed capacity as the store does, and
 * the PostgreSQL lookup of a handle), straight through the driver and the SDK with the service's HTTP
 * client for DynamoDB — no HTTP in front, no JSON, no framework. What the service remembers in-process
 * (the caller for a few seconds, a group's members, a pair's group, the group's latest message time)
 * it does not ask again, so neither does the baseline. The service's throughput is compared with this.
 */
final class RawCalls implements AutoCloseable {
    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'")
            .withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Connection[] connections;
    private final PreparedStatement[] byHandle;

    RawCalls(URI dynamoDbEndpoint, String jdbcUrl, int workers) throws SQLException {
        // The HTTP client the service's Micronaut-built DynamoDB client uses: Apache, pooled, its defaults.
        this.dynamoDb = DynamoDbClients.dynamoDb(DynamoDbSettings.local(dynamoDbEndpoint),
                ApacheHttpClient.builder().maxConnections(Math.max(50, workers)));
        this.table = DynamoDbSettings.DEFAULT_TABLE;
        this.connections = new Connection[workers];
        this.byHandle = new PreparedStatement[workers];
        for (int w = 0; w < workers; w++) {
            connections[w] = DriverManager.getConnection(jdbcUrl, "postgres", "");
            byHandle[w] = connections[w].prepareStatement("SELECT * FROM users WHERE lower(handle) = lower(?)");
        }
    }

    boolean listGroups(String userId) {
        return dynamoDb.query(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("GRP#" + userId))).scanIndexForward(false).limit(21)
                .returnConsumedCapacity(TOTAL)).sdkHttpResponse().isSuccessful();
    }

    boolean listMessages(String group) {
        return dynamoDb.query(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("MSG#" + group))).scanIndexForward(false).limit(21)
                .returnConsumedCapacity(TOTAL)).sdkHttpResponse().isSuccessful();
    }

    boolean sendToGroup(String userId, String group) {
        return append(userId, group);
    }

    boolean sendToHandle(int worker, String userId, String handle, String group) throws SQLException {
        lookup(byHandle[worker], handle);
        return append(userId, group);
    }

    /** Pattern D as the store does it once it knows the group's latest time: a conditional put that moves on when taken. */
    private boolean append(String userId, String group) {
        Instant at = Instant.now();
        for (int attempt = 0; attempt < 100; attempt++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", s("MSG#" + group));
            item.put("sk", s(FIXED.format(at.plusNanos(attempt * 1_000L))));
            item.put("message_uuid", s(UUID.randomUUID().toString()));
            item.put("message", s("raw baseline message"));
            item.put("user_uuid", s(userId));
            item.put("user_display_name", s("Andrew Brown"));
            item.put("user_handle", s("andrewbrown"));
            try {
                dynamoDb.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")
                        .returnConsumedCapacity(TOTAL));
                return true;
            } catch (ConditionalCheckFailedException taken) {
                // the next microsecond, as the store does
            }
        }
        return false;
    }

    private static void lookup(PreparedStatement query, String value) throws SQLException {
        query.setString(1, value);
        try (ResultSet rows = query.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("no user " + value);
            }
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @Override
    public void close() throws SQLException {
        dynamoDb.close();
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
