package com.cruddur.messaging.app.bench;

import com.cruddur.messaging.adapter.dynamodb.CapacityLog;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbClients;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbConversationStore;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbSettings;
import com.cruddur.messaging.adapter.dynamodb.MessagesTable;
import com.cruddur.messaging.domain.fixtures.Profiles;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.MessageText;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Capacity units per API operation as DynamoDB reports them ({@code ReturnConsumedCapacity}): ours,
 * through the store the service runs, and the original's access patterns on the same items. It uses
 * a table of its own, so that the running service's stream poller does not move summaries under it.
 */
final class CapacityCost {
    record Row(String operation, double ours, double original, String note) {
    }

    private final DynamoDbClient client;
    private final String table = "cruddur-messages-capacity";
    private final CapacityLog log = new CapacityLog();
    private final DynamoDbConversationStore store;

    CapacityCost(URI endpoint) {
        this.client = DynamoDbClients.dynamoDb(DynamoDbSettings.local(endpoint));
        new MessagesTable(client, table).create();
        this.store = new DynamoDbConversationStore(client, table, log);
    }

    List<Row> measure() {
        Profile alice = Profiles.random("alice");
        Profile bob = Profiles.random("bob");
        MessageGroup group = new MessageGroup(new MessageGroupId(UUID.randomUUID()), alice, bob);
        List<Row> rows = new ArrayList<>();
        double create = ours(() -> {
            store.groupOf(group.pair());
            return store.create(group, draft(alice, "hello"));
        });
        rows.add(new Row("new conversation (pattern C)", create, originalCreate(alice, bob),
                "ours: pair lookup + one transaction of 5 conditional puts; original: BatchWriteItem of 3 puts"));
        for (int i = 0; i < 20; i++) {
            store.project(store.append(group.id(), draft(i % 2 == 0 ? alice : bob, "a message of ordinary length, number " + i)));
        }
        rows.add(new Row("list groups (pattern B)", ours(() -> store.summaries(alice.id(), PageRequest.firstPage())),
                originalQuery("GRP#" + alice.id()), "ours: strongly consistent, limit 21; original: eventually consistent, limit 20"));
        rows.add(new Row("list messages (pattern A)", ours(() -> {
            store.group(group.id());
            return store.messages(group.id(), PageRequest.firstPage());
        }), originalQuery("MSG#" + group.id()), "ours adds the consistent membership read the original lacked"));
        Message[] sent = new Message[1];
        rows.add(new Row("send to group (pattern D)", ours(() -> {
            store.group(group.id());
            sent[0] = store.append(group.id(), draft(bob, "one more message of ordinary length"));
            return sent[0];
        }), originalPut(group.id(), bob), "ours: membership read + latest-time read + conditional put"));
        rows.add(new Row("send to handle, pair exists", ours(() -> {
            store.groupOf(group.pair());
            return store.append(group.id(), draft(alice, "to a handle, into the pair's group"));
        }), originalCreate(alice, bob), "the original always created a new group here (duplicates)"));
        rows.add(new Row("stream: move both summaries", ours(() -> store.project(sent[0])), originalProjection(group),
                "ours: GSI query + members read + 2 transactions (delete+put); original: GSI query + 2 deletes + 2 puts"));
        return rows;
    }

    private double ours(Supplier<Object> operation) {
        double before = total(log.snapshot());
        operation.get();
        return total(log.snapshot()) - before;
    }

    private static double total(Map<String, CapacityLog.Usage> usage) {
        return usage.values().stream().mapToDouble(CapacityLog.Usage::capacityUnits).sum();
    }

    private double originalQuery(String pk) {
        String year = String.valueOf(Instant.now().atOffset(java.time.ZoneOffset.UTC).getYear());
        return units(client.query(q -> q.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :year)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":year", AttributeValue.fromS(year)))
                .scanIndexForward(false).limit(20).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
    }

    private double originalPut(MessageGroupId group, Profile sender) {
        return units(client.putItem(p -> p.tableName(table).item(messageItem(group, sender))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
    }

    private double originalCreate(Profile me, Profile other) {
        MessageGroupId group = new MessageGroupId(UUID.randomUUID());
        String at = new Timestamp(Instant.now()).format();
        List<WriteRequest> puts = List.of(
                put(groupItem(me, other, group, at)), put(groupItem(other, me, group, at)), put(messageItem(group, me)));
        return client.batchWriteItem(b -> b.requestItems(Map.of(table, puts))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().stream()
                .mapToDouble(CapacityCost::units).sum();
    }

    /** The original Lambda: query the GSI, then for each row a delete and a put. */
    private double originalProjection(MessageGroup group) {
        var rows = client.query(q -> q.tableName(table).indexName("message-group-sk-index")
                .keyConditionExpression("message_group_uuid = :g")
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(group.id().toString())))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        double units = units(rows.consumedCapacity());
        for (Map<String, AttributeValue> row : rows.items()) {
            units += units(client.deleteItem(d -> d.tableName(table).key(Map.of("pk", row.get("pk"), "sk", row.get("sk")))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
            Map<String, AttributeValue> moved = new HashMap<>(row);
            moved.put("sk", AttributeValue.fromS(new Timestamp(Instant.now()).format()));
            units += units(client.putItem(p -> p.tableName(table).item(moved)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
        }
        return units;
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    private static Map<String, AttributeValue> groupItem(Profile owner, Profile other, MessageGroupId group, String at) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("GRP#" + owner.id()));
        item.put("sk", AttributeValue.fromS(at));
        item.put("message_group_uuid", AttributeValue.fromS(group.toString()));
        item.put("message", AttributeValue.fromS("hello"));
        item.put("user_uuid", AttributeValue.fromS(other.id().toString()));
        item.put("user_display_name", AttributeValue.fromS(other.displayName()));
        item.put("user_handle", AttributeValue.fromS(other.handle().value()));
        return item;
    }

    private static Map<String, AttributeValue> messageItem(MessageGroupId group, Profile sender) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("MSG#" + group));
        item.put("sk", AttributeValue.fromS(new Timestamp(Instant.now()).format()));
        item.put("message_uuid", AttributeValue.fromS(UUID.randomUUID().toString()));
        item.put("message", AttributeValue.fromS("one more message of ordinary length"));
        item.put("user_uuid", AttributeValue.fromS(sender.id().toString()));
        item.put("user_display_name", AttributeValue.fromS(sender.displayName()));
        item.put("user_handle", AttributeValue.fromS(sender.handle().value()));
        return item;
    }

    private static double units(ConsumedCapacity consumed) {
        return consumed == null || consumed.capacityUnits() == null ? 0 : consumed.capacityUnits();
    }

    private static NewMessage draft(Profile sender, String text) {
        return new NewMessage(new MessageId(UUID.randomUUID()), sender, MessageText.of(text), new Timestamp(Instant.now()));
    }
}
