package com.cruddur.messaging.adapter.dynamodb;

import static com.cruddur.messaging.adapter.dynamodb.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.SK;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.s;

import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A group's messages, the {@code MSG#<group>} partition: Pattern D's append with its clock, Pattern A's
 * pages, and the newest message or one by id. Every message goes in with a conditional put, so none is
 * ever overwritten; the clock is the newest message time this process has seen of the group ({@link
 * GroupFacts}), so each message comes after every message its process has seen.
 */
final class MessageLog {
    /** Messages read per page while looking for one by id (a page is about 2 KB of small messages). */
    private static final int MESSAGES_PER_LOOKUP_PAGE = 10;

    private final TableClient table;
    private final GroupFacts facts;
    private final PartitionPages pages;

    MessageLog(TableClient table, GroupFacts facts, PartitionPages pages) {
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
            Message message = draft.storedIn(group, at);
            if (put("append", message)) {
                sawMessageAt(group, at);
                return message;
            }
            at = at.nextMicrosecond();
        }
        throw DynamoDbFailures.gaveUp("append to " + group);
    }

    /** Puts a message row unless another message holds its key; the same message there counts as written. */
    boolean put(String operation, Message message) {
        return table.putIf(operation, MessageRow.item(message),
                TableClient.ITEM_ABSENT + " OR " + Attributes.MESSAGE_UUID + " = :id",
                Map.of(":id", s(message.id().toString())));
    }

    /** The message stored at this time of the group, strongly consistent (a claimed send checks its own). */
    Optional<Message> at(String operation, MessageGroupId group, Timestamp at) {
        return table.get(operation, MessageRow.key(group, at), true).map(MessageRow::message);
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

    void sawMessageAt(MessageGroupId group, Timestamp at) {
        facts.sawMessageAt(group, at);
    }

    /**
     * Pattern A: {@code MSG#<group>} newest first, no year filter, then reversed to oldest first.
     * Eventually consistent, at half the price: a message stored within the last moment (typically well
     * under a second) may not show yet — as the original's reads, and like the summaries — while its
     * sender already holds it from the send's response.
     */
    Page<Message> page(MessageGroupId group, PageRequest page) {
        Page<Message> newestFirst = pages.newestFirst("messages", MessageRow.pk(group), page, MessageRow::message);
        newestFirst.items().stream().findFirst().ifPresent(newest -> sawMessageAt(group, newest.createdAt()));
        List<Message> oldestFirst = new ArrayList<>(newestFirst.items());
        Collections.reverse(oldestFirst);
        return new Page<>(oldestFirst, newestFirst.next());
    }

    /** Strongly consistent: the member was just shown this message, or just sent it. */
    Optional<Message> latest(MessageGroupId group) {
        QueryResponse latest = table.query("message.latest", query -> query
                .keyConditionExpression(PK + " = :pk")
                .expressionAttributeValues(Map.of(":pk", s(MessageRow.pk(group))))
                .scanIndexForward(false)
                .limit(1)
                .consistentRead(true));
        return latest.items().stream().findFirst().map(MessageRow::message);
    }

    /**
     * A message by id is found by reading the group back from its newest message, a page at a time
     * (strongly consistent, as {@link #latest}): a member marks as read what they have just seen, so it
     * costs what lies after that message.
     */
    Optional<Message> byId(MessageGroupId group, MessageId id) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = table.query("message.byId", query -> query
                    .keyConditionExpression(PK + " = :pk")
                    .filterExpression(Attributes.MESSAGE_UUID + " = :id")
                    .expressionAttributeValues(Map.of(":pk", s(MessageRow.pk(group)), ":id", s(id.toString())))
                    .scanIndexForward(false)
                    .limit(MESSAGES_PER_LOOKUP_PAGE)
                    .consistentRead(true)
                    .exclusiveStartKey(from));
            if (!page.items().isEmpty()) {
                return Optional.of(MessageRow.message(page.items().get(0)));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return Optional.empty();
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
