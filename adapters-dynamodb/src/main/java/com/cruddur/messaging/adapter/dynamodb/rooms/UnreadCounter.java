package com.cruddur.messaging.adapter.dynamodb.rooms;

import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.SK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.USER_UUID;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.s;

import com.cruddur.messaging.adapter.dynamodb.items.MessageRow;
import com.cruddur.messaging.adapter.dynamodb.table.TableClient;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.ReadState;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Counts a member's unread messages from the table itself, where counting on from a summary's count
 * cannot be trusted: a marker moved, a replayed batch, a message stored out of time order. It reads
 * only the messages after the marker (so it is as cheap as what is unread), strongly consistent (a
 * message stored a moment ago must count), and stops at {@link ReadState#COUNTED_MAX}.
 *
 * <p>It counts only up to the time the summary's tally has seen ({@code upTo}): a message stored after it
 * is still to come through the stream, and counted then (the fault soak found it counted twice when the
 * table's count took it in early). A key condition cannot bound the sort key on both sides, so the
 * messages read are told apart by their times here.
 */
public final class UnreadCounter {
    private final TableClient table;

    public UnreadCounter(TableClient table) {
        this.table = table;
    }

    int messagesFrom(UserId sender, MessageGroupId group, Optional<Timestamp> after, Timestamp upTo) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(MessageRow.pk(group)));
        values.put(":sender", s(sender.toString()));
        after.ifPresent(at -> values.put(":after", s(at.format())));
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = table.query("count.unread", query -> query
                    .keyConditionExpression(PK + " = :pk" + (after.isPresent() ? " AND " + SK + " > :after" : ""))
                    .filterExpression(USER_UUID + " = :sender")
                    .expressionAttributeValues(values)
                    .projectionExpression(SK)
                    .consistentRead(true)
                    .exclusiveStartKey(from));
            count += (int) page.items().stream()
                    .filter(item -> !Timestamp.parse(item.get(SK).s()).isAfter(upTo))
                    .count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && count < ReadState.COUNTED_MAX);
        return Math.min(count, ReadState.COUNTED_MAX);
    }
}
