package com.cruddur.messaging.adapter.dynamodb;

import static com.cruddur.messaging.adapter.dynamodb.Conversations.at;
import static com.cruddur.messaging.adapter.dynamodb.Conversations.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.MessageText;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A message by id through an instance that never saw it (no key remembered): found among the newest, and 150
 * messages back (past the strongly consistent first page), in its state now, and revised through its key.
 */
class MessageLookupTest {
    private final DynamoDbConversationStore writer = DynamoDbEngine.store(new CapacityLog());

    @Test
    void anInstanceThatNeverSawAMessageFindsItNewOrOldAndRevisesIt() {
        MessageGroup group = Conversations.start(writer);
        Message old = writer.append(group.id(), draft(group.first(), "old", at(1_000)));
        Message edited = old.edited(MessageText.of("old, edited"), at(2_000));
        assertThat(writer.revise(old, edited)).isTrue();
        for (int i = 0; i < 150; i++) {
            writer.append(group.id(), draft(group.second(), "newer " + i, at(10_000L + i)));
        }
        Message recent = writer.append(group.id(), draft(group.first(), "recent", at(20_000)));
        DynamoDbConversationStore cold = DynamoDbEngine.store(new CapacityLog());

        assertThat(cold.message(group.id(), recent.id())).contains(recent);
        assertThat(cold.message(group.id(), old.id())).contains(edited);
        assertThat(cold.message(group.id(), new MessageId(UUID.randomUUID()))).isEmpty();
        Message tombstone = edited.deleted(at(30_000));
        assertThat(DynamoDbEngine.store(new CapacityLog()).revise(edited, tombstone)).as("unseen, by its time").isTrue();
        assertThat(cold.message(group.id(), old.id())).contains(tombstone);
    }
}
