package com.cruddur.messaging.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.fixtures.Profiles;
import com.cruddur.messaging.domain.fixtures.RecordingSink;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.MessageText;
import com.cruddur.messaging.domain.model.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventBus} adapter promises, subclassed once per adapter. Buses may deliver
 * asynchronously (through a database), so the tests wait, boundedly, for what they expect.
 */
public abstract class EventBusContract {
    protected static final Duration WITHIN = Duration.ofSeconds(5);

    protected abstract EventBus bus();

    private final Profile alice = Profiles.random("alice");
    private final Profile bob = Profiles.random("bob");

    @Test
    void aSubscriberGetsEveryEventInOrderWithIdsOfTheirOwn() {
        EventBus bus = bus();
        RecordingSink sink = new RecordingSink();
        try (EventBus.Subscription ignored = bus.subscribe(Optional.empty(), sink)) {
            List<String> texts = List.of("one", "two", "three");
            texts.forEach(text -> bus.publish(sent(text)));

            assertThat(sink.await(events -> texts(events, texts).size() == 3, WITHIN)).isTrue();
            assertThat(texts(sink.events(), texts)).containsExactlyElementsOf(texts);
            assertThat(sink.events()).extracting(DeliveredEvent::id).doesNotHaveDuplicates();
            assertThat(sink.resyncs()).isZero();
        }
    }

    @Test
    void aSubscriberResumesAfterTheLastEventItGotOrIsToldToResync() {
        EventBus bus = bus();
        RecordingSink first = new RecordingSink();
        String tag = "resume-" + UUID.randomUUID();
        try (EventBus.Subscription ignored = bus.subscribe(Optional.empty(), first)) {
            bus.publish(sent(tag + " 1"));
            assertThat(first.await(events -> texts(events, tag).size() == 1, WITHIN)).isTrue();
        }
        String lastSeen = first.events().stream().filter(e -> text(e).startsWith(tag)).findFirst().orElseThrow().id();
        RecordingSink watcher = new RecordingSink();
        try (EventBus.Subscription ignored = bus.subscribe(Optional.empty(), watcher)) {
            bus.publish(sent(tag + " 2"));
            bus.publish(sent(tag + " 3"));
            assertThat(watcher.await(events -> texts(events, tag).size() == 2, WITHIN)).isTrue();
        }

        RecordingSink resumed = new RecordingSink();
        RecordingSink lost = new RecordingSink();
        try (EventBus.Subscription a = bus.subscribe(Optional.of(lastSeen), resumed);
             EventBus.Subscription b = bus.subscribe(Optional.of("not-an-event-id"), lost)) {
            assertThat(texts(resumed.events(), tag)).containsExactly(tag + " 2", tag + " 3");
            assertThat(resumed.resyncs()).isZero();
            assertThat(lost.resyncs()).isEqualTo(1);
            bus.publish(sent(tag + " 4"));
            assertThat(lost.await(events -> texts(events, tag).contains(tag + " 4"), WITHIN)).isTrue();
        }
    }

    @Test
    void aClosedSubscriptionGetsNothingMore() {
        EventBus bus = bus();
        RecordingSink closed = new RecordingSink();
        RecordingSink open = new RecordingSink();
        String tag = "closed-" + UUID.randomUUID();
        try (EventBus.Subscription ignored = bus.subscribe(Optional.empty(), open)) {
            bus.subscribe(Optional.empty(), closed).close();
            bus.publish(sent(tag));
            assertThat(open.await(events -> !texts(events, tag).isEmpty(), WITHIN)).isTrue();
        }
        assertThat(texts(closed.events(), tag)).isEmpty();
    }

    @Test
    void everyKindOfEventArrivesWhole() {
        EventBus bus = bus();
        RecordingSink sink = new RecordingSink();
        MessageGroupId group = new MessageGroupId(UUID.randomUUID());
        Message message = new Message(new MessageId(UUID.randomUUID()), group, alice, "whole \"quoted\" ✓ text",
                Timestamp.parse("2026-03-01T18:04:05.123456+00:00"));
        var read = new ConversationEvent.ReadMarkerMoved(group, bob.id(), message.createdAt(), Set.of(alice.id(), bob.id()));
        var typing = new ConversationEvent.Typing(group, alice.id(), Set.of(bob.id()));
        Message edited = message.edited(MessageText.of("edited ✓"), Timestamp.parse("2026-03-01T18:04:06.5+00:00"));
        var edit = new ConversationEvent.MessageRevised(edited, Set.of(alice.id(), bob.id()));
        var deletion = new ConversationEvent.MessageRevised(edited.deleted(Timestamp.parse("2026-03-01T18:04:07Z")),
                Set.of(alice.id(), bob.id()));
        var block = new ConversationEvent.BlockChanged(alice.id(), bob.id(), true);
        var unblock = new ConversationEvent.BlockChanged(alice.id(), bob.id(), false);
        try (EventBus.Subscription ignored = bus.subscribe(Optional.empty(), sink)) {
            bus.publish(new ConversationEvent.MessageSent(message, Set.of(alice.id(), bob.id())));
            bus.publish(read);
            bus.publish(typing);
            bus.publish(edit);
            bus.publish(deletion);
            bus.publish(block);
            bus.publish(unblock);

            assertThat(sink.await(events -> events.stream().filter(this::ours).count() == 7, WITHIN)).isTrue();
        }
        assertThat(sink.events()).filteredOn(this::ours).extracting(DeliveredEvent::event)
                .containsExactly(new ConversationEvent.MessageSent(message, Set.of(alice.id(), bob.id())), read, typing,
                        edit, deletion, block, unblock);
    }

    /** This test's events, on a bus other tests may share. */
    private boolean ours(DeliveredEvent delivered) {
        return delivered.event().audience().contains(alice.id()) || delivered.event().audience().contains(bob.id());
    }

    protected ConversationEvent sent(String text) {
        Message message = new Message(new MessageId(UUID.randomUUID()), new MessageGroupId(UUID.randomUUID()), alice, text,
                new Timestamp(Instant.now()));
        return new ConversationEvent.MessageSent(message, Set.of(alice.id(), bob.id()));
    }

    protected static List<String> texts(List<DeliveredEvent> events, String prefix) {
        return events.stream().map(EventBusContract::text).filter(text -> text.startsWith(prefix)).toList();
    }

    private static List<String> texts(List<DeliveredEvent> events, List<String> wanted) {
        return events.stream().map(EventBusContract::text).filter(wanted::contains).toList();
    }

    protected static String text(DeliveredEvent event) {
        return event.event() instanceof ConversationEvent.MessageSent sent ? sent.message().text() : "";
    }
}
