package com.cruddur.messaging.adapter.dynamodb;

import static com.cruddur.messaging.adapter.dynamodb.Conversations.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.domain.application.port.out.GroupCreation;
import com.cruddur.messaging.domain.fixtures.Concurrently;
import com.cruddur.messaging.domain.fixtures.Profiles;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Patterns C and D under contention, checked item by item in the table. */
class DynamoDbWriteSafetyTest {
    private final DynamoDbConversationStore store = DynamoDbEngine.store(new CapacityLog());

    @Test
    void racingCreationsForOnePairLeaveOneCompleteGroupAndNoFragments() throws Exception {
        Profile alice = Profiles.random("alice");
        Profile bob = Profiles.random("bob");
        List<MessageGroup> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attempts.add(new MessageGroup(new MessageGroupId(UUID.randomUUID()), i % 2 == 0 ? alice : bob,
                    i % 2 == 0 ? bob : alice));
        }
        Timestamp at = Conversations.now();

        List<GroupCreation> outcomes = Concurrently.run(attempts.stream()
                .map(group -> (Callable<GroupCreation>) () -> store.create(group, draft(group.first(), "race", at)))
                .toList());

        List<MessageGroupId> created = outcomes.stream().filter(GroupCreation.Created.class::isInstance)
                .map(o -> ((GroupCreation.Created) o).first().groupId()).toList();
        assertThat(created).hasSize(1);
        MessageGroupId winner = created.get(0);
        assertThat(outcomes).filteredOn(GroupCreation.PairTaken.class::isInstance)
                .extracting(o -> ((GroupCreation.PairTaken) o).existing()).hasSize(9).containsOnly(winner);
        assertThat(partition("GRP#" + alice.id())).hasSize(1);
        assertThat(partition("GRP#" + bob.id())).hasSize(1);
        for (MessageGroup attempt : attempts) {
            boolean won = attempt.id().equals(winner);
            assertThat(partition("MSG#" + attempt.id())).hasSize(won ? 1 : 0);
            assertThat(partition("MEMBERS#" + attempt.id())).hasSize(won ? 1 : 0);
        }
        assertThat(partition("PAIR#" + attempts.get(0).pair().key())).singleElement()
                .satisfies(item -> assertThat(item.get("pair_message_group_uuid").s()).isEqualTo(winner.toString()));
    }

    @Test
    void aHundredMessagesInOneMicrosecondAreAllKept() throws Exception {
        MessageGroup group = Conversations.start(store);
        Timestamp sameMicrosecond = Conversations.now();

        List<Message> stored = Concurrently.run(100, i -> store.append(group.id(),
                draft(i % 2 == 0 ? group.first() : group.second(), "burst " + i, sameMicrosecond)));

        assertThat(stored).extracting(Message::createdAt).doesNotHaveDuplicates();
        assertThat(partition("MSG#" + group.id())).hasSize(101);
        assertThat(store.messages(group.id(), PageRequest.first(100)).items()).extracting(Message::text)
                .containsAll(stored.stream().map(Message::text).toList().subList(0, 50));
    }

    @Test
    void racingProjectionsOfOneMessageLeaveOneSummaryRowAtItsTime() throws Exception {
        MessageGroup group = Conversations.start(store);
        Message reply = store.append(group.id(), draft(group.second(), "reply", Conversations.now()));

        Concurrently.run(8, i -> new DynamoDbConversationStore(DynamoDbEngine.CLIENT, DynamoDbEngine.TABLE.name(),
                new CapacityLog()).project(reply));

        for (var member : group.members()) {
            assertThat(partition("GRP#" + member.id())).singleElement()
                    .satisfies(row -> assertThat(row.get("sk").s()).isEqualTo(reply.createdAt().format()));
        }
    }

    private static List<Map<String, AttributeValue>> partition(String pk) {
        return DynamoDbEngine.CLIENT.query(query -> query.tableName(DynamoDbEngine.TABLE.name())
                .keyConditionExpression("pk = :pk").consistentRead(true)
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items();
    }
}
