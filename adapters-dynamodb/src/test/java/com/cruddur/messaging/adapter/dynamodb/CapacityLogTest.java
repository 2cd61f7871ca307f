package com.cruddur.messaging.adapter.dynamodb;

import static com.cruddur.messaging.adapter.dynamodb.Conversations.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.PageRequest;
import org.junit.jupiter.api.Test;

/** Every store operation records the capacity DynamoDB says it consumed. */
class CapacityLogTest {

    @Test
    void recordsCapacityPerOperation() {
        CapacityLog capacity = new CapacityLog();
        DynamoDbConversationStore store = DynamoDbEngine.store(capacity);

        MessageGroup group = Conversations.start(store);
        Message reply = store.append(group.id(), draft(group.second(), "reply", Conversations.now()));
        store.project(reply);
        store.messages(group.id(), PageRequest.firstPage());
        store.summaries(group.first().id(), PageRequest.firstPage());

        assertThat(capacity.snapshot()).containsKeys("create.members", "create.pair", "create.message", "create.summary",
                "append", "project.move", "project.delete", "project.index", "messages", "summaries");
        assertThat(capacity.snapshot().get("create.summary").capacityUnits()).isPositive();
        assertThat(capacity.snapshot()).as("the group's latest time is known from its creation")
                .doesNotContainKey("append.latest");
        assertThat(capacity.snapshot().get("append").calls()).isEqualTo(1);
        assertThat(capacity.snapshot().get("append").perCall()).isPositive();
        assertThat(capacity.snapshot().get("project.move").calls()).isEqualTo(2);
        assertThat(capacity.snapshot().get("messages").capacityUnits()).isPositive();
    }
}
