package com.cruddur.messaging.app.soak;

import com.cruddur.messaging.adapter.dynamodb.DynamoDbClients;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * What is there once the faults have healed: every user's conversations and every conversation's messages
 * as the API shows them (all pages), and how many messages each conversation holds as the store itself
 * counts them (read directly, not through the service).
 */
record FinalState(Map<Integer, List<Listed>> lists, Map<String, List<Stored>> messages, Map<String, List<List<String>>> pages,
                  Map<String, Long> storeCounts) {
    /** A conversation in a member's list. */
    record Listed(String group, String handle, String message, String createdAt, int unreadCount, String lastReadAt,
                  String otherLastReadAt) {
    }

    /** A message of a conversation, as the API lists it; {@code deletedAt} is set for a tombstone. */
    record Stored(String uuid, String handle, String message, String createdAt, String deletedAt) {
        boolean isTombstone() {
            return deletedAt != null;
        }
    }

    static FinalState read(Cluster cluster, List<SoakUser> users, Calls calls) {
        Map<Integer, List<Listed>> lists = new HashMap<>();
        Map<String, SoakUser> readers = new HashMap<>();
        for (SoakUser user : users) {
            History.Call call = calls.call(user.index(), "final list", 0, user.token(), "/api/message_groups?limit=50", null);
            require(call);
            List<Listed> listed = new ArrayList<>();
            for (JsonNode group : Calls.json(Calls.body(call))) {
                listed.add(new Listed(group.get("uuid").asText(), group.get("handle").asText(), group.get("message").asText(),
                        group.get("created_at").asText(), group.get("unread_count").asInt(), text(group, "last_read_at"),
                        text(group, "other_last_read_at")));
                readers.putIfAbsent(group.get("uuid").asText(), user);
            }
            lists.put(user.index(), listed);
        }
        Map<String, List<Stored>> messages = new HashMap<>();
        Map<String, List<List<String>>> pages = new HashMap<>();
        readers.forEach((group, reader) -> {
            List<Stored> all = new ArrayList<>();
            List<List<String>> pageIds = new ArrayList<>();
            String path = "/api/messages/" + group + "?limit=100";
            while (path != null) {
                History.Call call = calls.call(reader.index(), "final read", 1, reader.token(), path, null);
                require(call);
                List<Stored> page = new ArrayList<>();
                for (JsonNode message : Calls.json(Calls.body(call))) {
                    page.add(new Stored(message.get("uuid").asText(), message.get("handle").asText(),
                            message.get("message").asText(), message.get("created_at").asText(),
                            text(message, "deleted_at")));
                }
                pageIds.add(page.stream().map(Stored::uuid).toList());
                all.addAll(0, page); // each next page is older
                path = Calls.next(call).orElse(null);
            }
            messages.put(group, all);
            pages.put(group, pageIds);
        });
        return new FinalState(lists, messages, pages, storeCounts(cluster, messages.keySet()));
    }

    private static Map<String, Long> storeCounts(Cluster cluster, Set<String> groups) {
        Map<String, Long> counts = new HashMap<>();
        if (cluster.dynamoDbEndpoint().isPresent()) {
            try (DynamoDbClient dynamoDb = DynamoDbClients.dynamoDb(DynamoDbSettings.local(cluster.dynamoDbEndpoint().get()))) {
                for (String group : groups) {
                    long count = 0;
                    Map<String, AttributeValue> start = null;
                    do {
                        QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(DynamoDbSettings.DEFAULT_TABLE)
                                .keyConditionExpression("pk = :pk").select(Select.COUNT).consistentRead(true)
                                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("MSG#" + group)))
                                .exclusiveStartKey(start).build());
                        count += page.count();
                        start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
                    } while (start != null);
                    counts.put(group, count);
                }
            }
            return counts;
        }
        try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl(), "postgres", "");
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM messages WHERE message_group_uuid = ?")) {
            for (String group : groups) {
                count.setObject(1, UUID.fromString(group));
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    counts.put(group, result.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the messages in PostgreSQL", e);
        }
        return counts;
    }

    /** The groups a user is in, as their final list shows them. */
    Set<String> groupsOf(int user) {
        Set<String> groups = new LinkedHashSet<>();
        lists.getOrDefault(user, List.of()).forEach(listed -> groups.add(listed.group()));
        return groups;
    }

    private static void require(History.Call call) {
        if (call.status() != 200) {
            throw new IllegalStateException("the final state could not be read: " + call);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
