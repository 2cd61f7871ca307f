package com.cruddur.messaging.adapter.dynamodb.rooms;

import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.SK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.s;

import com.cruddur.messaging.adapter.dynamodb.items.MessageRow;
import com.cruddur.messaging.adapter.dynamodb.table.Attributes;
import com.cruddur.messaging.adapter.dynamodb.table.DynamoDbFailures;
import com.cruddur.messaging.adapter.dynamodb.table.PartitionPages;
import com.cruddur.messaging.adapter.dynamodb.table.TableClient;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A group's messages, the {@code MSG#<group>} partition: Pattern D's append with its clock, Pattern A's
 * pages, the newest message or one by id, and a message's edit or deletion. Every message goes in with a
 * conditional put, so none is ever overwritten — not even by a resend of its own put, which would undo an
 * edit or a deletion; the clock is the newest message time this process has seen of the group ({@link
 * GroupFacts}), so each message comes after every message its process has seen.
 */
public final class MessageLog {
    /** Messages read strongly consistent while looking for one by id: the newest (about 2 KB of small messages). */
    private static final int NEWEST_PAGE = 10;
    /** Messages per page further back, eventually consistent (about 22 KB of small messages; a page is 1 MB at most). */
    private static final int OLDER_PAGE = 100;

    private final TableClient table;
    private final GroupFacts facts;
    private final PartitionPages pages;

    public MessageLog(TableClient table, GroupFacts facts, PartitionPages pages) {
        this.table = table;
        this.facts = facts;
        this.pages = pages;
    }

    /**
     * Pattern D without a client id: a conditional put of the message row, a microsecond later while
     * another message holds its time. Messages sent through several processes at the same moment are
     * ordered by their clocks. The row of this very message there is no other message: the SDK resent a put
     * whose answer was lost (the fault soak found such a message stored twice, a microsecond apart).
     */
    Message append(MessageGroupId group, NewMessage draft) {
        Timestamp at = nextTime(group, draft.proposedAt());
        for (int attempt = 0; attempt < DynamoDbFailures.MAX_ATTEMPTS; attempt++) {
            Optional<Message> stored = put("append", draft.storedIn(group, at));
            if (stored.isPresent()) {
                sawMessageAt(group, at);
                return stored.get();
            }
            at = at.nextMicrosecond();
        }
        throw DynamoDbFailures.gaveUp("append to " + group);
    }

    /**
     * Puts a message row unless its key is taken. Returns the message as stored: this one, or this very
     * message written before (a resent put; a retried send), as it is now — perhaps edited or deleted since,
     * so it is left as it is. Empty if another message holds the key.
     */
    Optional<Message> put(String operation, Message message) {
        Optional<Map<String, AttributeValue>> holder = table.putOrGetHolder(operation, MessageRow.item(message),
                TableClient.ITEM_ABSENT, Map.of());
        if (holder.isEmpty()) {
            remember(message, message.createdAt().format());
            return Optional.of(message);
        }
        return Optional.of(holder.get())
                .filter(item -> Attributes.string(item, Attributes.MESSAGE_UUID).filter(message.id().toString()::equals).isPresent())
                .map(this::remembered);
    }

    /**
     * Writes a later state of a message over the stored one, on condition that the stored one is still
     * {@code current}: the same message, edited as {@code current} was (or not), not deleted. One write,
     * under the key it is stored with (the original's formats included).
     */
    public boolean revise(Message current, Message next) {
        if (!next.isRevisionOf(current)) {
            return false;
        }
        String sk = Optional.ofNullable(facts.messageKeys.getIfPresent(current.id())).orElse(current.createdAt().format());
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":id", s(current.id().toString())));
        current.editedAt().ifPresent(at -> values.put(":edited", s(at.format())));
        current.deletedAt().ifPresent(at -> values.put(":deleted", s(at.format())));
        String condition = Attributes.MESSAGE_UUID + " = :id AND "
                + (current.isDeleted() ? MessageRow.DELETED_AT + " = :deleted"
                : "attribute_not_exists(" + MessageRow.DELETED_AT + ")") + " AND "
                + (current.editedAt().isPresent() ? MessageRow.EDITED_AT + " = :edited"
                : "attribute_not_exists(" + MessageRow.EDITED_AT + ")");
        return table.putIf(next.isDeleted() ? "message.delete" : "message.edit", MessageRow.item(next, sk), condition,
                values);
    }

    /** The message stored at this time of the group, strongly consistent (a claimed send checks its own). */
    Optional<Message> at(String operation, MessageGroupId group, Timestamp at) {
        return table.get(operation, MessageRow.key(group, at), true).map(this::remembered);
    }

    /**
     * After the group's latest message this process knows of, or the proposed time if that is later. The
     * latest time is read (strongly consistent, once per group and process) only when this process has
     * not seen the group yet; after that its own writes and reads keep it.
     */
    Timestamp nextTime(MessageGroupId group, Timestamp proposedAt) {
        return latestMessageTime(group)
                .map(latest -> Timestamp.latest(proposedAt, latest.nextMicrosecond()))
                .orElse(proposedAt);
    }

    public void sawMessageAt(MessageGroupId group, Timestamp at) {
        facts.sawMessageAt(group, at);
    }

    /**
     * Pattern A: {@code MSG#<group>} newest first, no year filter, then reversed to oldest first.
     * Eventually consistent, at half the price: a message stored within the last moment (typically well
     * under a second) may not show yet — as the original's reads, and like the summaries — while its
     * sender already holds it from the send's response.
     */
    public Page<Message> page(MessageGroupId group, PageRequest page) {
        Page<Message> newestFirst = pages.newestFirst("messages", MessageRow.pk(group), page, this::remembered);
        newestFirst.items().stream().findFirst().ifPresent(newest -> sawMessageAt(group, newest.createdAt()));
        List<Message> oldestFirst = new ArrayList<>(newestFirst.items());
        Collections.reverse(oldestFirst);
        return new Page<>(oldestFirst, newestFirst.next());
    }

    /** Strongly consistent: the member was just shown this message, or just sent it. */
    /** The group's first message, strongly consistent: the creation may have stored it a moment ago. */
    public Optional<Message> first(MessageGroupId group) {
        QueryResponse first = table.query("message.first", query -> query
                .keyConditionExpression(PK + " = :pk")
                .expressionAttributeValues(Map.of(":pk", s(MessageRow.pk(group))))
                .scanIndexForward(true)
                .limit(1)
                .consistentRead(true));
        return first.items().stream().findFirst().map(this::remembered);
    }

    public Optional<Message> latest(MessageGroupId group) {
        QueryResponse latest = table.query("message.latest", query -> query
                .keyConditionExpression(PK + " = :pk")
                .expressionAttributeValues(Map.of(":pk", s(MessageRow.pk(group))))
                .scanIndexForward(false)
                .limit(1)
                .consistentRead(true));
        return latest.items().stream().findFirst().map(this::remembered);
    }

    /**
     * A message by id, strongly consistent (as {@link #latest}: it may have been stored or revised a moment
     * ago). One this process has written or read is read by its key. Any other is looked for from the group's
     * newest message back: the newest page strongly consistent (a member marks as read, edits or deletes mostly
     * what they have just seen or sent, which may be a moment old); older messages are long visible and their
     * keys never change, so they are searched eventually consistent, in large pages (half the price per unit,
     * less rounding per page), and the one found is read again by its key for its state now.
     */
    public Optional<Message> byId(MessageGroupId group, MessageId id) {
        String known = facts.messageKeys.getIfPresent(id);
        if (known != null) {
            Optional<Message> found = byKey(group, known).filter(message -> message.id().equals(id));
            if (found.isPresent()) {
                return found;
            }
        }
        QueryResponse newest = lookup(group, id, null, NEWEST_PAGE, true);
        if (!newest.items().isEmpty()) {
            return Optional.of(remembered(newest.items().get(0)));
        }
        Map<String, AttributeValue> start = nextPage(newest);
        while (start != null) {
            QueryResponse older = lookup(group, id, start, OLDER_PAGE, false);
            if (!older.items().isEmpty()) {
                return byKey(group, older.items().get(0).get(SK).s());
            }
            start = nextPage(older);
        }
        return Optional.empty();
    }

    private Optional<Message> byKey(MessageGroupId group, String sk) {
        return table.get("message.byKey", Map.of(PK, s(MessageRow.pk(group)), SK, s(sk)), true).map(this::remembered);
    }

    private QueryResponse lookup(MessageGroupId group, MessageId id, Map<String, AttributeValue> from, int limit,
                                 boolean consistent) {
        return table.query("message.byId", query -> query
                .keyConditionExpression(PK + " = :pk")
                .filterExpression(Attributes.MESSAGE_UUID + " = :id")
                .expressionAttributeValues(Map.of(":pk", s(MessageRow.pk(group)), ":id", s(id.toString())))
                .scanIndexForward(false)
                .limit(limit)
                .consistentRead(consistent)
                .exclusiveStartKey(from));
    }

    private static Map<String, AttributeValue> nextPage(QueryResponse page) {
        return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    }

    /** The message of a row read, its key remembered. */
    private Message remembered(Map<String, AttributeValue> item) {
        Message message = MessageRow.message(item);
        remember(message, item.get(SK).s());
        return message;
    }

    private void remember(Message message, String sk) {
        facts.messageKeys.put(message.id(), sk);
    }

    private Optional<Timestamp> latestMessageTime(MessageGroupId group) {
        Timestamp known = facts.latestMessageAt.getIfPresent(group);
        if (known != null) {
            return Optional.of(known);
        }
        // Strongly consistent: the message a member was just told was stored must come before this one.
        QueryResponse latest = table.query("append.latest", query -> query
                .keyConditionExpression(PK + " = :pk")
                .expressionAttributeValues(Map.of(":pk", s(MessageRow.pk(group))))
                .scanIndexForward(false)
                .limit(1)
                .projectionExpression(SK)
                .consistentRead(true));
        Optional<Timestamp> found = latest.items().stream().findFirst()
                .flatMap(item -> Attributes.string(item, SK))
                .map(Timestamp::parse);
        found.ifPresent(at -> sawMessageAt(group, at));
        return found;
    }
}
