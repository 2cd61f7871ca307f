package com.cruddur.messaging.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.adapter.memory.InMemoryBlocks;
import com.cruddur.messaging.adapter.memory.InMemoryEventBus;
import com.cruddur.messaging.adapter.memory.InMemoryUserDirectory;
import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsQuery;
import com.cruddur.messaging.domain.application.port.in.ListMessagesQuery;
import com.cruddur.messaging.domain.application.port.in.ProjectMessageCommand;
import com.cruddur.messaging.domain.application.port.in.SendMessageToHandleCommand;
import com.cruddur.messaging.domain.application.port.in.SentMessage;
import com.cruddur.messaging.domain.application.usecase.Blocking;
import com.cruddur.messaging.domain.application.usecase.Callers;
import com.cruddur.messaging.domain.application.usecase.Drafts;
import com.cruddur.messaging.domain.application.usecase.ListMessageGroups;
import com.cruddur.messaging.domain.application.usecase.ListMessages;
import com.cruddur.messaging.domain.application.usecase.Memberships;
import com.cruddur.messaging.domain.application.usecase.ProjectMessage;
import com.cruddur.messaging.domain.application.usecase.SendMessageToHandle;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import com.cruddur.messaging.domain.model.UserPair;
import com.cruddur.messaging.support.system.RandomIdSource;
import com.cruddur.messaging.support.system.SystemClock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The process dies after each single write of Pattern C (5 writes) and of a summary move (2 per
 * member); another process then serves the same table. Whatever the crash left: nobody sees a group
 * twice, a listed group can be read, and the next send plus the stream (its retry or replay) bring
 * the pair to exactly one group with every acknowledged message, listed once by each member with
 * the newest message.
 */
class DynamoDbCrashTest {
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    private final User alice = register("alice");
    private final User bob = register("bob");

    @ParameterizedTest(name = "crash after write {0} of 5")
    @ValueSource(ints = {1, 2, 3, 4})
    void aNewConversationInterruptedAfterAnyWriteEndsAsOneCompleteGroup(int writes) {
        Api crashing = new Api(new DynamoDbConversationStore(new CrashingDynamoDb(DynamoDbEngine.CLIENT, writes),
                DynamoDbEngine.TABLE.name(), new CapacityLog()));
        assertThatThrownBy(() -> crashing.sendToHandle(alice, bob, "lost or not"))
                .isInstanceOf(StoreUnavailableException.class);

        Api restarted = new Api(DynamoDbEngine.store(new CapacityLog()));
        restarted.assertNothingHalfMadeShows(alice);
        restarted.assertNothingHalfMadeShows(bob);

        SentMessage acknowledged = restarted.sendToHandle(alice, bob, "acknowledged");
        MessageGroupId group = acknowledged.message().groupId();
        restarted.replayStreamOf(group);

        assertThat(restarted.store.groupOf(UserPair.of(alice.id(), bob.id()))).contains(group);
        for (User member : List.of(alice, bob)) {
            assertThat(restarted.groupsOf(member)).singleElement().satisfies(summary -> {
                assertThat(summary.groupId()).isEqualTo(group);
                assertThat(summary.lastMessage()).isEqualTo("acknowledged");
            });
            assertThat(restarted.texts(member, group)).endsWith("acknowledged")
                    .hasSize(writes >= 3 ? 2 : 1);
            assertThat(rowsOf(member.id(), group)).hasSize(1);
        }
    }

    @ParameterizedTest(name = "crash after write {0} of 6")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void aSendWithAClientIdInterruptedAfterAnyWriteIsStoredOnceByItsRetry(int writes) {
        String clientId = "crash-" + writes + "-" + System.nanoTime();
        Api crashing = new Api(new DynamoDbConversationStore(new CrashingDynamoDb(DynamoDbEngine.CLIENT, writes),
                DynamoDbEngine.TABLE.name(), new CapacityLog()));
        assertThatThrownBy(() -> crashing.sendToHandle(alice, bob, "exactly once", clientId))
                .isInstanceOf(StoreUnavailableException.class);

        Api restarted = new Api(DynamoDbEngine.store(new CapacityLog()));
        SentMessage retried = restarted.sendToHandle(alice, bob, "exactly once", clientId);
        SentMessage again = restarted.sendToHandle(alice, bob, "exactly once", clientId);
        MessageGroupId group = retried.message().groupId();
        restarted.replayStreamOf(group);

        assertThat(again.message()).isEqualTo(retried.message());
        assertThat(restarted.store.groupOf(UserPair.of(alice.id(), bob.id()))).contains(group);
        for (User member : List.of(alice, bob)) {
            assertThat(restarted.texts(member, group)).containsOnlyOnce("exactly once");
            assertThat(restarted.groupsOf(member)).singleElement().satisfies(summary -> {
                assertThat(summary.groupId()).isEqualTo(group);
                assertThat(summary.lastMessage()).isEqualTo("exactly once");
            });
        }
        assertThat(restarted.groupsOf(bob).get(0).reads().unreadCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "crash after write {0} of 4")
    @ValueSource(ints = {1, 2, 3})
    void aSummaryMoveInterruptedAfterAnyWriteIsNeverSeenTwiceAndConvergesWhenTheStreamRetries(int writes) {
        Api process = new Api(DynamoDbEngine.store(new CapacityLog()));
        MessageGroupId group = process.sendToHandle(alice, bob, "hello").message().groupId();
        Message reply = process.store.append(group, Conversations.draft(bob.profile(), "reply", Conversations.now()));
        DynamoDbConversationStore crashing = new DynamoDbConversationStore(new CrashingDynamoDb(DynamoDbEngine.CLIENT, writes),
                DynamoDbEngine.TABLE.name(), new CapacityLog());
        assertThatThrownBy(() -> crashing.project(reply)).isInstanceOf(StoreUnavailableException.class);

        Api restarted = new Api(DynamoDbEngine.store(new CapacityLog()));
        for (User member : List.of(alice, bob)) {
            assertThat(restarted.groupsOf(member)).extracting(GroupSummary::groupId).containsExactly(group);
        }
        restarted.store.project(reply);

        for (User member : List.of(alice, bob)) {
            assertThat(restarted.groupsOf(member)).singleElement()
                    .satisfies(summary -> assertThat(summary.lastMessage()).isEqualTo("reply"));
            assertThat(rowsOf(member.id(), group)).hasSize(1);
        }
    }

    private User register(String name) {
        String handle = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = new User(new UserId(UUID.randomUUID()), new Handle(handle), name,
                Optional.of(new CognitoUserId("sub-" + handle)));
        directory.register(user);
        return user;
    }

    /** The member's summary rows of the group in the table itself. */
    private static List<Map<String, AttributeValue>> rowsOf(UserId owner, MessageGroupId group) {
        return DynamoDbEngine.CLIENT.query(query -> query.tableName(DynamoDbEngine.TABLE.name())
                .keyConditionExpression("pk = :pk").filterExpression("message_group_uuid = :g").consistentRead(true)
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("GRP#" + owner),
                        ":g", AttributeValue.fromS(group.toString())))).items();
    }

    /** The use cases a process serves, on its own store (its own in-process caches) and the shared directory. */
    private final class Api {
        final DynamoDbConversationStore store;
        private final Callers callers = new Callers(directory);
        private final RandomIdSource ids = new RandomIdSource();
        private final SendMessageToHandle sendToHandle;
        private final ListMessageGroups listGroups;
        private final ListMessages listMessages;

        Api(DynamoDbConversationStore store) {
            this.store = store;
            this.sendToHandle = new SendMessageToHandle(callers, directory, new Blocking(new InMemoryBlocks()),
                    new Drafts(new SystemClock(), ids), ids, store,
                    new InMemoryEventBus(10));
            this.listGroups = new ListMessageGroups(callers, store);
            this.listMessages = new ListMessages(callers, new Memberships(store), store);
        }

        SentMessage sendToHandle(User from, User to, String text) {
            return sendToHandle(from, to, text, null);
        }

        SentMessage sendToHandle(User from, User to, String text, String clientId) {
            return sendToHandle.sendToHandle(SendMessageToHandleCommand.of(from.cognitoUserId().orElseThrow(),
                    to.handle().value(), text, clientId));
        }

        List<GroupSummary> groupsOf(User member) {
            return listGroups.listMessageGroups(new ListMessageGroupsQuery(member.cognitoUserId().orElseThrow(),
                    PageRequest.first(100))).items();
        }

        List<String> texts(User member, MessageGroupId group) {
            return listMessages.listMessages(ListMessagesQuery.of(member.cognitoUserId().orElseThrow(), group.toString(),
                    PageRequest.first(100))).items().stream().map(Message::text).toList();
        }

        /** Each listed group appears once and can be opened by the member, with at least one message. */
        void assertNothingHalfMadeShows(User member) {
            List<GroupSummary> listed = groupsOf(member);
            assertThat(listed).extracting(GroupSummary::groupId).doesNotHaveDuplicates();
            for (GroupSummary summary : listed) {
                assertThat(store.group(summary.groupId())).map(MessageGroup::pair)
                        .contains(UserPair.of(alice.id(), bob.id()));
                assertThat(texts(member, summary.groupId())).isNotEmpty();
            }
        }

        /** What the stream delivers, again: every message of the group, oldest first. */
        void replayStreamOf(MessageGroupId group) {
            new ProjectMessage(store).projectMessage(new ProjectMessageCommand(store.messages(group, PageRequest.first(100)).items()));
        }
    }
}
