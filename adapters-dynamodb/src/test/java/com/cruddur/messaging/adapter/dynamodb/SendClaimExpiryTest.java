package com.cruddur.messaging.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.dynamodb.items.SendClaim;
import com.cruddur.messaging.adapter.dynamodb.table.Attributes;
import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.domain.model.ClientMessageId;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.MessageText;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Send claims expire by the table's TTL after 24 hours; an expired claim is free at once, whether TTL has run or not. */
class SendClaimExpiryTest {
    private final DynamoDbConversationStore store = DynamoDbEngine.store(new CapacityLog());

    @Test
    void theTableDeletesClaimsByTheirExpiry() {
        var ttl = DynamoDbEngine.CLIENT.describeTimeToLive(request -> request.tableName(DynamoDbEngine.TABLE.name()))
                .timeToLiveDescription();

        assertThat(ttl.attributeName()).isEqualTo(Attributes.EXPIRES_AT);
        assertThat(ttl.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
    }

    @Test
    void aClaimIsKeptForADayAndFreeAfterIt() {
        MessageGroup group = Conversations.start(store);
        Profile sender = group.first();
        ClientMessageId id = new ClientMessageId("day-old");
        Message first = store.append(group.id(), draft(sender, "one", id));

        long expiresAt = Long.parseLong(claim(sender, id).get(Attributes.EXPIRES_AT).n());
        assertThat(expiresAt - Instant.now().getEpochSecond()).isBetween(24 * 3600L - 60, 24 * 3600L);
        assertThat(store.append(group.id(), draft(sender, "one", id))).isEqualTo(first);

        DynamoDbEngine.CLIENT.updateItem(request -> request.tableName(DynamoDbEngine.TABLE.name())
                .key(SendClaim.key(sender.id(), id)).updateExpression("SET " + Attributes.EXPIRES_AT + " = :past")
                .expressionAttributeValues(Map.of(":past", AttributeValue.fromN(Long.toString(Instant.now().getEpochSecond() - 1)))));
        Message later = store.append(group.id(), draft(sender, "another text, a day later", id));

        assertThat(later.id()).isNotEqualTo(first.id());
        assertThat(store.messages(group.id(), PageRequest.firstPage()).items()).extracting(Message::text)
                .containsExactly("hello", "one", "another text, a day later");
    }

    private static Map<String, AttributeValue> claim(Profile sender, ClientMessageId id) {
        return DynamoDbEngine.CLIENT.getItem(request -> request.tableName(DynamoDbEngine.TABLE.name())
                .key(SendClaim.key(sender.id(), id)).consistentRead(true)).item();
    }

    private static NewMessage draft(Profile sender, String text, ClientMessageId id) {
        return new NewMessage(new MessageId(UUID.randomUUID()), sender, MessageText.of(text), new Timestamp(Instant.now()),
                Optional.of(id));
    }
}
