package com.cruddur.messaging.app.bench;

import com.cruddur.messaging.adapter.dynamodb.DynamoDbClients;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbConversationStore;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbSettings;
import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.adapter.dynamodb.table.MessagesTable;
import com.cruddur.messaging.domain.fixtures.Profiles;
import com.cruddur.messaging.domain.model.ClientMessageId;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.MessageText;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.ReadMarkers;
import com.cruddur.messaging.domain.model.Timestamp;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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
 *
 * <p>"Ours" is measured twice: warm, through a store that has already seen the group (its members,
 * its pair and its latest message time are remembered in-process, as in a running service), and
 * cold, through a fresh store (the first request of a process for that group). Prints the table with
 * the targets of docs/benchmarks.md ({@link #print}).
 */
final class CapacityCost {
    /** {@code original} is NaN where the original had no such operation. */
    record Row(String operation, double warm, double cold, double original, String target, String note) {
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

    /** Measures every operation and prints the Markdown table. */
    void print() {
        System.out.println("| operation | ours, warm | ours, cold | original | target | ours / original (warm) | what it buys, or why the target is missed |");
        System.out.println("|---|---|---|---|---|---|---|");
        List<Row> rows = measure();
        draw(rows);
        for (Row row : rows) {
            boolean compared = !Double.isNaN(row.original());
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %s | %s | %s | %s |%n", row.operation(), row.warm(),
                    row.cold(), compared ? String.format(Locale.ROOT, "%.1f", row.original()) : "—", row.target(),
                    compared ? String.format(Locale.ROOT, "%.2f", row.warm() / row.original()) : "—", row.note());
        }
    }

    /** The rows that have the original's figure beside ours, as bars. */
    private static void draw(List<Row> rows) {
        Map<String, Map<String, Double>> series = new LinkedHashMap<>();
        for (Row row : rows) {
            if (!Double.isNaN(row.original())) {
                String operation = row.operation().replaceFirst(" \\(.*", "");
                series.computeIfAbsent("ours, warm", name -> new LinkedHashMap<>()).put(operation, row.warm());
                series.computeIfAbsent("ours, cold", name -> new LinkedHashMap<>()).put(operation, row.cold());
                series.computeIfAbsent("original", name -> new LinkedHashMap<>()).put(operation, row.original());
            }
        }
        Charts.draw("capacity.png", new Charts.Bars("Capacity units per operation, ours vs the original's",
                "DynamoDB Local, ReturnConsumedCapacity: one call each on a conversation of 20 messages", "capacity units",
                series));
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
        rows.add(row("new conversation (pattern C)", new double[] {create, create}, originalCreate(alice, bob), "≤ 7.5",
                "pair lookup 0.5 + members record 1 + pair record 1 + the original's three items 5 (each summary is"
                        + " written to the table and its GSI): the original's 5 plus the records that make \"one group"
                        + " per pair\" a DynamoDB condition"));
        for (int i = 0; i < 20; i++) {
            store.project(store.append(group.id(), draft(i % 2 == 0 ? alice : bob, "a message of ordinary length, number " + i)));
        }
        rows.add(row("list groups (pattern B, with unread counts)", both(s -> s.summaries(alice.id(), PageRequest.firstPage())),
                originalQuery("GRP#" + alice.id()), "≤ 0.5", "eventually consistent, as summaries are projected asynchronously; the counts and"
                        + " markers are attributes of the summary rows, so they cost nothing more"));
        rows.add(row("list messages (pattern A, membership checked)", both(s -> {
            s.group(group.id());
            return s.messages(group.id(), PageRequest.firstPage());
        }), originalQuery("MSG#" + group.id()), "≤ 1.0",
                "eventually consistent, limit 21 (one more to know whether a next page exists); members remembered"
                        + " in-process (cold: one eventually consistent read of the members record)"));
        double[] sendToGroup = both(s -> {
            s.group(group.id());
            return s.append(group.id(), draft(bob, "one more message of ordinary length"));
        });
        rows.add(row("send to group (pattern D, membership checked)", sendToGroup, originalPut(group.id(), bob), "≤ 1.0",
                "a conditional put (never overwrites); cold: members read + the group's latest time, strongly consistent"));
        rows.add(row("send to handle, pair exists", both(s -> {
            s.groupOf(group.pair());
            return s.append(group.id(), draft(alice, "to a handle, into the pair's group"));
        }), originalCreate(alice, bob), "≤ 1.5", "the original always created a new group here (duplicates)"));
        // Each measurement moves the summaries to a message of its own, so that neither finds them already there.
        Message sent = store.append(group.id(), draft(bob, "one more message of ordinary length"));
        Message next = store.append(group.id(), draft(alice, "and another one"));
        DynamoDbConversationStore fresh = fresh();
        double[] move = {ours(() -> store.project(sent)), ours(() -> fresh.project(next))};
        rows.add(row("stream: move one group's two summaries", move, originalProjection(group), "≤ 8.5",
                "GSI query 0.5 + per member a conditional put 2 and delete 2 (each counted in the table and its GSI,"
                        + " as in the original): the floor of the original's layout; less needs summaries out of the"
                        + " GSI, i.e. other items than the original's"));
        rows.add(endToEnd(group, alice, bob, sendToGroup[0], move[0]));
        rows.addAll(beyondTheOriginal(group, alice, bob));
        return rows;
    }

    /** What the service does for {@code POST /api/message_groups/{uuid}/read} without a body. */
    private static ReadMarkers markLatestRead(DynamoDbConversationStore store, MessageGroup group, Profile reader) {
        store.group(group.id());
        return store.markRead(group.id(), reader.id(), store.latestMessage(group.id()).orElseThrow().createdAt());
    }

    /** The operations beyond the original's, which the original did not have. */
    private List<Row> beyondTheOriginal(MessageGroup group, Profile alice, Profile bob) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("send to group with a client_message_id", both(s -> {
            s.group(group.id());
            return s.append(group.id(), draft(bob, "sent with an id of its own", UUID.randomUUID().toString()));
        }), Double.NaN, "—", "the claim of the id (a small item, 1) written before the message (1): a retry, a racing"
                + " retry or one after a crash then writes the same message item, so none stores it twice"));
        String retried = UUID.randomUUID().toString();
        store.append(group.id(), draft(bob, "sent once, retried", retried));
        rows.add(row("retry of that send", both(s -> s.append(group.id(), draft(bob, "sent once, retried", retried))),
                Double.NaN, "—", "the claim's conditional put fails (DynamoDB charges 1 for it, DynamoDB Local reports"
                        + " nothing) and returns the claim; a strongly consistent read of the message (1) checks that"
                        + " it was stored"));
        DynamoDbConversationStore cold = fresh();
        store.append(group.id(), draft(bob, "unread by alice"));
        double warmRead = ours(() -> markLatestRead(store, group, alice));
        store.append(group.id(), draft(bob, "unread by alice again"));
        rows.add(row("mark a conversation read", new double[] {warmRead, ours(() -> markLatestRead(cold, group, alice))},
                Double.NaN, "—", "the newest message, strongly consistent (1: the reader was just shown it) + a conditional"
                + " update of the members record (1), which holds the markers; the stream carries it to the summaries"));
        store.append(group.id(), draft(alice, "unread by bob"));
        double warmMarker = ours(() -> store.projectReads(markLatestRead(store, group, bob)));
        store.append(group.id(), draft(alice, "unread by bob again"));
        DynamoDbConversationStore fresh = fresh();
        double[] marker = {warmMarker, ours(() -> fresh.projectReads(markLatestRead(fresh, group, bob)))};
        rows.add(row("mark read + stream: carry the marker to both summaries", marker, Double.NaN, "—",
                "the row above (2) + GSI query 0.5 + an update in place of both members' rows (2 each: table and"
                        + " GSI; the other member's shows \"seen\"). What stays unread comes from the row's tally of"
                        + " what it counted; only a marker older than the tally's window (32 messages) has it counted"
                        + " again from the table (1 per 4 KB unread, strongly consistent). A marker that did not move"
                        + " fails its condition at the first write and costs nothing more"));
        rows.addAll(editsAndDeletions(group, alice, bob));
        return rows;
    }

    /**
     * Edit and delete as the service does them ({@code OwnMessages}): the membership check, the message
     * read strongly consistent, its new state put on condition that it is unchanged — of a recent message and of
     * one 200 messages back, through a store that has seen it (warm: its key is remembered) and a fresh one; and
     * their projection onto the summaries.
     */
    private List<Row> editsAndDeletions(MessageGroup group, Profile alice, Profile bob) {
        List<Row> rows = new ArrayList<>();
        Message old = store.append(group.id(), draft(alice, "an old message, edited later"));
        Message oldToDelete = store.append(group.id(), draft(alice, "an old message, deleted later"));
        Message oldToDeleteCold = store.append(group.id(), draft(alice, "an old message, deleted later (cold)"));
        for (int i = 0; i < 200; i++) {
            store.project(store.append(group.id(), draft(i % 2 == 0 ? alice : bob, "a message of ordinary length, later " + i)));
        }
        Message recent = store.append(group.id(), draft(alice, "a recent message of ordinary length"));
        for (int i = 0; i < 5; i++) {
            store.append(group.id(), draft(bob, "a reply of ordinary length " + i));
        }
        rows.add(row("edit a message among the latest 20", both(s -> edit(s, group, recent)), Double.NaN, "≤ 1.0",
                "the message by its key, strongly consistent (1: it may have changed a moment ago) + its new state put"
                        + " on condition that it is unchanged (1). Cold, an instance that has not seen the message reads"
                        + " the conversation back to it (the newest 10 strongly consistent, older ones eventually, 100 a"
                        + " page). Above a send by the read: the layout has no index by message id, and"
                        + " the condition needs the state it replaces"));
        rows.add(row("edit a message 200 messages back", both(s -> edit(s, group, old)), Double.NaN, "—",
                "warm as above. Cold it grows with the message's age: the newest 10 strongly consistent (1), then the older ones eventually consistent, 100 a page (about 3 per 100 small messages), and the message found read again by its key (1)"));
        Message toDelete = store.append(group.id(), draft(alice, "to be deleted"));
        Message toDeleteCold = store.append(group.id(), draft(alice, "to be deleted, cold"));
        DynamoDbConversationStore coldStore = fresh();
        rows.add(row("delete a message among the latest 20", new double[] {ours(() -> delete(store, group, toDelete)),
                ours(() -> delete(coldStore, group, toDeleteCold))}, Double.NaN, "≤ 1.0",
                "as an edit: the tombstone (no text) replaces the item in one conditional put"));
        rows.add(row("delete a message 200 messages back", new double[] {ours(() -> delete(store, group, oldToDelete)),
                ours(() -> delete(fresh(), group, oldToDeleteCold))}, Double.NaN, "—", "as the edit of it"));
        Message newest = store.append(group.id(), draft(bob, "the newest, edited"));
        store.project(newest);
        Message edited = revised(store, group, newest);
        DynamoDbConversationStore fresh = fresh();
        double projectEdit = ours(() -> store.project(edited));
        Message editedAgain = revised(store, group, edited);
        rows.add(row("stream: an edit or deletion of the newest message to both summaries",
                new double[] {projectEdit, ours(() -> fresh.project(editedAgain))}, Double.NaN, "≤ 4.5",
                "GSI query 0.5 + an update in place of both members' rows (2 each: table and GSI): half a move,"
                        + " as the summaries keep their keys"));
        Message oldTombstone = store.message(group.id(), oldToDelete.id()).orElseThrow();
        rows.add(row("stream: an edit or deletion of an older message", new double[] {ours(() -> store.project(oldTombstone)),
                ours(() -> fresh().project(oldTombstone))}, Double.NaN, "—",
                "the GSI query 0.5 finds that neither summary shows it; nothing is written"));
        return rows;
    }

    private static Object edit(DynamoDbConversationStore store, MessageGroup group, Message message) {
        store.group(group.id());
        return revised(store, group, message);
    }

    private static Message revised(DynamoDbConversationStore store, MessageGroup group, Message message) {
        Message current = store.message(group.id(), message.id()).orElseThrow();
        Message next = current.edited(MessageText.of("edited at " + Instant.now()),
                current.nextRevisionAt(new Timestamp(Instant.now())));
        if (!store.revise(current, next)) {
            throw new IllegalStateException("nobody else revises this message");
        }
        return next;
    }

    private static Object delete(DynamoDbConversationStore store, MessageGroup group, Message message) {
        store.group(group.id());
        Message current = store.message(group.id(), message.id()).orElseThrow();
        return store.revise(current, current.deleted(current.nextRevisionAt(new Timestamp(Instant.now()))));
    }

    /**
     * One message: it is sent to the group, the stream moves both summaries once for it, both members
     * list their groups once and the recipient reads the conversation once.
     */
    private Row endToEnd(MessageGroup group, Profile alice, Profile bob, double sendToGroup, double move) {
        double ours = sendToGroup + move + ours(() -> store.summaries(alice.id(), PageRequest.firstPage()))
                + ours(() -> store.summaries(bob.id(), PageRequest.firstPage()))
                + ours(() -> {
                    store.group(group.id());
                    return store.messages(group.id(), PageRequest.firstPage());
                });
        double original = originalPut(group.id(), bob) + originalProjection(group) + originalQuery("GRP#" + alice.id())
                + originalQuery("GRP#" + bob.id()) + originalQuery("MSG#" + group.id());
        return new Row("one message, end to end", ours, ours, original, String.format(Locale.ROOT, "≤ %.1f (0.6 ×)", 0.6 * original),
                "send + one summary move + two group lists + one conversation read; the move is 3/4 of it, and"
                        + " costs what the original's does. A busy conversation moves its summaries once per stream"
                        + " batch, not once per message");
    }

    /** The operation through the warm store and through a fresh one. */
    private double[] both(Function<DynamoDbConversationStore, Object> operation) {
        DynamoDbConversationStore fresh = fresh();
        return new double[] {ours(() -> operation.apply(store)), ours(() -> operation.apply(fresh))};
    }

    private static Row row(String operation, double[] ours, double original, String target, String note) {
        return new Row(operation, ours[0], ours[1], original, target, note);
    }

    private DynamoDbConversationStore fresh() {
        return new DynamoDbConversationStore(client, table, log);
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

    private static NewMessage draft(Profile sender, String text, String clientId) {
        return new NewMessage(new MessageId(UUID.randomUUID()), sender, MessageText.of(text), new Timestamp(Instant.now()),
                Optional.of(new ClientMessageId(clientId)));
    }
}
