package com.cruddur.messaging.adapter.dynamodb;

import static com.cruddur.messaging.adapter.dynamodb.Conversations.at;
import static com.cruddur.messaging.adapter.dynamodb.Conversations.draft;
import static com.cruddur.messaging.adapter.dynamodb.Conversations.summariesOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.dynamodb.items.Tally;
import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.Profile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What unread counts cost: sends racing through several threads or instances reach the stream out of
 * time order, and are counted on the row without reading the table; only a replay older than the
 * tally's window is counted again from the table.
 */
class UnreadTallyTest {
    private final CapacityLog capacity = new CapacityLog();
    private final DynamoDbConversationStore store = DynamoDbEngine.store(capacity);

    @Test
    void messagesArrivingOutOfTimeOrderAreCountedWithoutReadingTheTable() {
        MessageGroup group = Conversations.start(store);
        List<Message> sent = appendFromSecond(group, 6);

        store.project(List.of(sent.get(1)));
        store.project(List.of(sent.get(0)));
        store.project(List.of(sent.get(3), sent.get(2)));
        store.project(List.of(sent.get(5), sent.get(4)));
        store.project(List.of(sent.get(2)));

        assertThat(receiversSummary(group).reads().unreadCount()).isEqualTo(6);
        assertThat(capacity.snapshot()).doesNotContainKey("count.unread");
    }

    @Test
    void aReplayOlderThanTheWindowIsCountedAgainFromTheTable() {
        MessageGroup group = Conversations.start(store);
        List<Message> sent = appendFromSecond(group, Tally.KEPT + 8);
        for (Message message : sent) {
            store.project(List.of(message));
        }

        store.project(List.of(sent.get(0)));

        assertThat(receiversSummary(group).reads().unreadCount()).isEqualTo(Tally.KEPT + 8);
        assertThat(capacity.snapshot()).containsKey("count.unread");
    }

    @Test
    void readingUpToAMessageInTheWindowNeedsNoCount() {
        MessageGroup group = Conversations.start(store);
        List<Message> sent = appendFromSecond(group, 5);
        store.project(sent);

        store.projectReads(store.markRead(group.id(), group.first().id(), sent.get(2).createdAt()));

        assertThat(receiversSummary(group).reads().unreadCount()).isEqualTo(2);
        assertThat(capacity.snapshot()).doesNotContainKey("count.unread");
    }

    private List<Message> appendFromSecond(MessageGroup group, int count) {
        List<Message> sent = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            sent.add(store.append(group.id(), draft(group.second(), "m" + i, at(1_000L * i))));
        }
        return sent;
    }

    private GroupSummary receiversSummary(MessageGroup group) {
        Profile receiver = group.first();
        return summariesOf(store, receiver).stream().filter(s -> s.groupId().equals(group.id())).findFirst().orElseThrow();
    }
}
