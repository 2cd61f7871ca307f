package com.cruddur.messaging.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.domain.application.port.in.ProjectMessageCommand;
import com.cruddur.messaging.domain.application.usecase.ProjectMessage;
import com.cruddur.messaging.domain.model.ClientMessageId;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.MessageText;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Found by the fault soak: with DynamoDB Local paused, a send's put was done but its answer lost; the
 * SDK's resend found the message's own row there, took it for another message at the same time, and stored
 * the message again a microsecond later — one send, two rows. Every write here is sent twice: each message
 * is still stored once.
 */
class DynamoDbResendTest {
    private final DynamoDbConversationStore store = new DynamoDbConversationStore(new ResendingDynamoDb(DynamoDbEngine.CLIENT),
            DynamoDbEngine.TABLE.name(), new CapacityLog());

    @Test
    void aResentWriteStoresEachMessageOnce() {
        MessageGroup group = Conversations.start(store);
        Message plain = store.append(group.id(), Conversations.draft(group.first(), "no client id", Conversations.now()));
        Message claimed = store.append(group.id(), new NewMessage(new MessageId(UUID.randomUUID()), group.second(),
                MessageText.of("with a client id"), Conversations.now(), Optional.of(new ClientMessageId("resent-1"))));

        List<Map<String, AttributeValue>> rows = DynamoDbEngine.CLIENT.query(query -> query.tableName(DynamoDbEngine.TABLE.name())
                .keyConditionExpression("pk = :pk").consistentRead(true)
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("MSG#" + group.id())))).items();
        assertThat(rows).extracting(row -> row.get("message_uuid").s()).doesNotHaveDuplicates().hasSize(3)
                .contains(plain.id().toString(), claimed.id().toString());
        assertThat(store.messages(group.id(), PageRequest.first(10)).items()).extracting(Message::text)
                .containsExactly("hello", "no client id", "with a client id");
    }

    @Test
    void resentSummaryMovesAndMarkerMovesLeaveOneSummaryPerMemberAtTheNewestMessage() {
        MessageGroup group = Conversations.start(store);
        Message later = store.append(group.id(), Conversations.draft(group.first(), "later", Conversations.now()));
        new ProjectMessage(store).projectMessage(new ProjectMessageCommand(List.of(later)));
        assertThat(store.markRead(group.id(), group.second().id(), later.createdAt()).of(group.second().id()))
                .contains(later.createdAt());

        for (var member : group.members()) {
            assertThat(store.summaries(member.id(), PageRequest.first(10)).items()).singleElement().satisfies(summary -> {
                assertThat(summary.groupId()).isEqualTo(group.id());
                assertThat(summary.lastMessage()).isEqualTo("later");
            });
        }
    }
}
