package com.cruddur.messaging.adapter.stream;

import static com.cruddur.messaging.adapter.dynamodb.Conversations.draft;
import static com.cruddur.messaging.adapter.dynamodb.Conversations.summariesOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.dynamodb.Conversations;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbConversationStore;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbEngine;
import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.adapter.dynamodb.table.MessagesTable;
import com.cruddur.messaging.domain.application.port.in.ProjectMessageUseCase;
import com.cruddur.messaging.domain.application.usecase.ProjectMessage;
import com.cruddur.messaging.domain.application.usecase.ProjectReadMarkers;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The poller on DynamoDB Local's real Streams API, on a table of its own so that it sees only its own records. */
class StreamPollerTest {
    private static final MessagesTable TABLE = new MessagesTable(DynamoDbEngine.CLIENT, "cruddur-messages-poller-test");
    private static DynamoDbConversationStore store;
    private static String streamArn;

    @BeforeAll
    static void createTable() {
        TABLE.create();
        store = new DynamoDbConversationStore(DynamoDbEngine.CLIENT, TABLE.name(), new CapacityLog());
        streamArn = TABLE.streamArn().orElseThrow();
    }

    @AfterAll
    static void dropTable() {
        TABLE.drop();
    }

    @Test
    void summariesConvergeAcrossAStopAndRestartAndAFullReplayChangesNothing() {
        List<MessageGroup> groups = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            groups.add(Conversations.start(store));
        }
        Map<MessageGroup, Message> newest = new HashMap<>();
        StreamPoller poller = poller();
        poller.start();
        sendRound(groups, newest, 0);
        awaitSummaries(groups, newest);

        poller.stop();
        sendRound(groups, newest, 1);
        sendRound(groups, newest, 2);
        poller.start();
        awaitSummaries(groups, newest);
        poller.stop();

        Map<Profile, List<GroupSummary>> before = allSummaries(groups);
        long inStream = 4L * 3 + 4; // three rounds of messages and each group's first message
        try (StreamPoller replay = poller()) {
            replay.start();
            await("a fresh poller replays the whole stream", () -> replay.projected() >= inStream);
        }
        assertThat(allSummaries(groups)).isEqualTo(before);
    }

    @Test
    void itsIteratorAgeGrowsWhileRecordsCannotBeProjectedAndIsZeroOnceCaughtUp() {
        Conversations.start(store);
        ProjectMessageUseCase storeAway = command -> {
            throw new StoreUnavailableException("DynamoDB", new IllegalStateException("away for the test"));
        };
        try (StreamPoller stuck = new StreamPoller(DynamoDbEngine.STREAMS, streamArn,
                new MessageProjector(storeAway, new ProjectReadMarkers(store)), Duration.ofMillis(50))) {
            stuck.start();
            await("the age of records it cannot project grows past a second",
                    () -> stuck.iteratorAge().compareTo(Duration.ofSeconds(1)) > 0);
            Duration seen = stuck.iteratorAge();
            await("and keeps growing: the same batch is read again, older each time",
                    () -> stuck.iteratorAge().compareTo(seen.plusSeconds(1)) > 0);
            assertThat(stuck.projected()).isZero();
        }
        try (StreamPoller working = poller()) {
            working.start();
            await("caught up, its iterator age is zero", () -> working.projected() > 0 && working.iteratorAge().isZero());
        }
    }

    private static StreamPoller poller() {
        return new StreamPoller(DynamoDbEngine.STREAMS, streamArn, Records.projectorOf(store),
                Duration.ofMillis(50));
    }

    private static void sendRound(List<MessageGroup> groups, Map<MessageGroup, Message> newest, int round) {
        for (MessageGroup group : groups) {
            Profile sender = round % 2 == 0 ? group.first() : group.second();
            newest.put(group, store.append(group.id(), draft(sender, "round " + round, Conversations.now())));
        }
    }

    private static void awaitSummaries(List<MessageGroup> groups, Map<MessageGroup, Message> newest) {
        await("every summary shows its group's newest message", () -> groups.stream().allMatch(group ->
                group.members().stream().allMatch(member -> summariesOf(store, member).stream()
                        .anyMatch(s -> s.groupId().equals(group.id())
                                && s.lastMessageAt().equals(newest.get(group).createdAt())))));
    }

    private static Map<Profile, List<GroupSummary>> allSummaries(List<MessageGroup> groups) {
        Map<Profile, List<GroupSummary>> all = new HashMap<>();
        groups.forEach(group -> group.members().forEach(member -> all.put(member, summariesOf(store, member))));
        return all;
    }

    /** Polls the condition until it holds, failing after 20 seconds; no blind sleeps. */
    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
