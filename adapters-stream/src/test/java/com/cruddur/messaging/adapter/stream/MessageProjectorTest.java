package com.cruddur.messaging.adapter.stream;

import static com.cruddur.messaging.adapter.dynamodb.Conversations.at;
import static com.cruddur.messaging.adapter.dynamodb.Conversations.draft;
import static com.cruddur.messaging.adapter.dynamodb.Conversations.summariesOf;
import static com.cruddur.messaging.adapter.stream.Records.inserted;
import static com.cruddur.messaging.adapter.stream.Records.modified;
import static com.cruddur.messaging.adapter.stream.Records.nextSequenceNumber;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.dynamodb.Conversations;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbConversationStore;
import com.cruddur.messaging.adapter.dynamodb.DynamoDbEngine;
import com.cruddur.messaging.adapter.dynamodb.TableItems;
import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.domain.application.port.in.ProjectMessageUseCase;
import com.cruddur.messaging.domain.application.usecase.ProjectMessage;
import com.cruddur.messaging.domain.application.usecase.ProjectReadMarkers;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.MessageText;
import com.cruddur.messaging.domain.model.Profile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The stream consumer's code path against DynamoDB Local, fed with records shaped as the stream delivers them. */
class MessageProjectorTest {
    private final DynamoDbConversationStore store = DynamoDbEngine.store(new CapacityLog());
    private final MessageProjector projector = Records.projectorOf(store);

    @Test
    void aMixedBatchOfAHundredProjectsEveryMessageInsertAndSkipsTheRest() {
        List<MessageGroup> groups = List.of(Conversations.start(store), Conversations.start(store),
                Conversations.start(store));
        List<ChangeRecord> batch = new ArrayList<>();
        List<Message> appended = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            MessageGroup group = groups.get(i % 3);
            Message message = store.append(group.id(), draft(group.first(), "message " + i, at(1_000L * (i + 1))));
            appended.add(message);
            batch.add(inserted(message));
        }
        Random random = new Random(7);
        while (batch.size() < 100) {
            batch.add(random.nextInt(batch.size() + 1), noise(groups.get(random.nextInt(3)), random));
        }

        MessageProjector.BatchResult result = projector.handle(batch);

        assertThat(result).isEqualTo(new MessageProjector.BatchResult(40, 60, Optional.empty()));
        for (MessageGroup group : groups) {
            Message newest = appended.stream().filter(m -> m.groupId().equals(group.id()))
                    .reduce((a, b) -> b).orElseThrow();
            assertSummariesShow(group, newest);
        }
    }

    @Test
    void anEditAndADeletionReachTheSummariesAndTheInsertReplayedAfterThemDoesNot() {
        MessageGroup group = Conversations.start(store);
        Message sent = store.append(group.id(), draft(group.second(), "meet at noon", at(1_000)));
        Message edited = sent.edited(MessageText.of("meet at one"), at(2_000));
        assertThat(store.revise(sent, edited)).isTrue();

        projector.handle(List.of(inserted(sent), modified(edited)));
        assertSummariesShow(group, edited);

        Message tombstone = edited.deleted(at(3_000));
        assertThat(store.revise(edited, tombstone)).isTrue();
        MessageProjector.BatchResult result = projector.handle(List.of(modified(tombstone)));
        projector.handle(List.of(inserted(sent), modified(edited)));

        assertThat(result).isEqualTo(new MessageProjector.BatchResult(1, 0, Optional.empty()));
        assertSummariesShow(group, tombstone);
        assertThat(DynamoDbEngine.indexRowsOf(group.id())).allSatisfy(row ->
                assertThat(row.get("message").s()).isEmpty());
    }

    @Test
    void duplicatedAndOutOfOrderRecordsNeverMoveASummaryBackOrDuplicateIt() {
        MessageGroup group = Conversations.start(store);
        List<Message> messages = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            messages.add(store.append(group.id(), draft(group.second(), "reply " + i, at(1_000L * i))));
        }
        List<ChangeRecord> shuffled = new ArrayList<>();
        for (Message message : messages) {
            shuffled.add(inserted(message));
            shuffled.add(inserted(message));
        }
        Collections.shuffle(shuffled, new Random(3));

        projector.handle(shuffled);
        projector.handle(List.of(inserted(messages.get(0)), inserted(messages.get(9)), inserted(messages.get(4))));

        assertSummariesShow(group, messages.get(9));
        assertThat(DynamoDbEngine.indexRowsOf(group.id())).hasSize(2);
    }

    @Test
    void bothMembersPostingAtOnceLeaveBothSummariesAtTheNewestMessage() throws Exception {
        MessageGroup group = Conversations.start(store);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Message>>> posts = new ArrayList<>();
        for (Profile member : group.members()) {
            posts.add(pool.submit(() -> {
                start.await();
                List<Message> sent = new ArrayList<>();
                for (int i = 0; i < 15; i++) {
                    Message message = store.append(group.id(), draft(member, member.handle() + " " + i,
                            Conversations.now()));
                    sent.add(message);
                    projector.handle(List.of(inserted(message)));
                }
                return sent;
            }));
        }
        start.countDown();
        List<Message> all = new ArrayList<>();
        for (Future<List<Message>> post : posts) {
            all.addAll(post.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        Message newest = all.stream().max((a, b) -> a.createdAt().compareTo(b.createdAt())).orElseThrow();
        assertSummariesShow(group, newest);
    }

    @Test
    void aFailingGroupStopsTheBatchAndNamesItsFirstRecordForRetry() {
        MessageGroup healthy = Conversations.start(store);
        MessageGroup failing = Conversations.start(store);
        Message one = store.append(healthy.id(), draft(healthy.first(), "one", at(1_000)));
        Message poisoned = store.append(failing.id(), draft(failing.first(), "two", at(2_000)));
        Message three = store.append(healthy.id(), draft(healthy.first(), "three", at(3_000)));
        ProjectMessageUseCase failingForOneGroup = command -> {
            if (command.stored().get(0).groupId().equals(failing.id())) {
                throw new StoreUnavailableException("DynamoDB", new IllegalStateException("throttled"));
            }
            return new ProjectMessage(store).projectMessage(command);
        };
        ChangeRecord firstOfFailingGroup = inserted(poisoned);

        var result = new MessageProjector(failingForOneGroup, new ProjectReadMarkers(store)).handle(List.of(inserted(one), firstOfFailingGroup, inserted(three)));

        assertThat(result.failedAt()).contains(firstOfFailingGroup.sequenceNumber());
        assertThat(result.projected()).isEqualTo(2);
        assertSummariesShow(healthy, three);
    }

    @Test
    void aBusyGroupIsProjectedOnceWithAllItsMessagesOfTheBatch() {
        MessageGroup group = Conversations.start(store);
        List<ChangeRecord> batch = new ArrayList<>();
        Message newest = null;
        for (int i = 1; i <= 30; i++) {
            newest = store.append(group.id(), draft(group.second(), "burst " + i, at(1_000L * i)));
            batch.add(inserted(newest));
        }
        Collections.shuffle(batch, new Random(5));
        List<List<Message>> projections = new ArrayList<>();
        ProjectMessageUseCase counting = command -> {
            projections.add(command.stored());
            return new ProjectMessage(store).projectMessage(command);
        };

        var result = new MessageProjector(counting, new ProjectReadMarkers(store)).handle(batch);

        assertThat(result.projected()).isEqualTo(30);
        assertThat(projections).hasSize(1);
        assertThat(projections.get(0)).hasSize(30).contains(newest);
        assertSummariesShow(group, newest);
        GroupSummary receiver = summariesOf(store, group.first()).stream()
                .filter(s -> s.groupId().equals(group.id())).findFirst().orElseThrow();
        assertThat(receiver.reads().unreadCount()).isEqualTo(30);
    }

    private void assertSummariesShow(MessageGroup group, Message message) {
        for (Profile member : group.members()) {
            GroupSummary summary = summariesOf(store, member).stream()
                    .filter(s -> s.groupId().equals(group.id())).findFirst().orElseThrow();
            assertThat(summary.lastMessage()).as("summary of %s", member.handle()).isEqualTo(message.text());
            assertThat(summary.lastMessageAt()).isEqualTo(message.createdAt());
        }
    }

    /**
     * Records the consumer must skip: summaries and bookkeeping items inserted, modified or removed,
     * and messages modified or removed. The message images are newer than anything in the group, so
     * projecting one by mistake would show in the summaries.
     */
    private static ChangeRecord noise(MessageGroup group, Random random) {
        GroupSummary summary = new GroupSummary(group.first().id(), group.id(), group.second(), "old", at(-5_000));
        Message notInserted = new Message(new MessageId(UUID.randomUUID()), group.id(), group.second(), "edited",
                at(10_000_000));
        int kind = random.nextInt(4);
        Map<String, AttributeValue> image = switch (kind) {
            case 0 -> TableItems.originalSummary(summary);
            case 1 -> TableItems.pair(group.pair(), group.id());
            case 2 -> TableItems.members(group);
            default -> TableItems.message(notInserted);
        };
        // A message's MODIFY is its edit or deletion, projected: of messages, only removals are noise.
        List<String> events = kind == 3 ? List.of("REMOVE") : List.of("INSERT", "MODIFY", "REMOVE");
        String event = events.get(random.nextInt(events.size()));
        return new ChangeRecord(event, nextSequenceNumber(), "REMOVE".equals(event) ? Map.of() : image);
    }
}
