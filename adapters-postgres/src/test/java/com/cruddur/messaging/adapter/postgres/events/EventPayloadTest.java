package com.cruddur.messaging.adapter.postgres.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import io.micronaut.json.JsonMapper;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every kind of event travels as JSON and comes back as it was; and a payload in the earlier single-record format
 * (one record of every field, nulls where a kind has none) is still read, so that instances of both versions
 * understand each other during a deployment.
 */
class EventPayloadTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final UserId ALICE = new UserId(UUID.fromString("11111111-1111-1111-1111-111111111111"));
    private static final UserId BOB = new UserId(UUID.fromString("22222222-2222-2222-2222-222222222222"));
    private static final MessageGroupId GROUP = new MessageGroupId(UUID.fromString("33333333-3333-3333-3333-333333333333"));
    private static final Timestamp AT = Timestamp.parse("2026-12-07T18:04:05.123456+00:00");
    private static final Message SENT = new Message(new MessageId(UUID.fromString("44444444-4444-4444-4444-444444444444")),
            GROUP, new Profile(ALICE, new Handle("alice"), "Alice"), "hello", AT, Optional.empty(), Optional.empty());

    @Test
    void everyKindComesBackAsItWas() throws Exception {
        Message deleted = new Message(SENT.id(), GROUP, SENT.sender(), "", AT, Optional.empty(), Optional.of(AT));
        List<ConversationEvent> events = List.of(
                new ConversationEvent.MessageSent(SENT, Set.of(ALICE, BOB)),
                new ConversationEvent.MessageRevised(deleted, Set.of(ALICE, BOB)),
                new ConversationEvent.ReadMarkerMoved(GROUP, BOB, AT, Set.of(ALICE, BOB)),
                new ConversationEvent.Typing(GROUP, ALICE, Set.of(ALICE, BOB)),
                new ConversationEvent.BlockChanged(ALICE, BOB, true),
                new ConversationEvent.BlockChanged(ALICE, BOB, false),
                new ConversationEvent.AccountErased(ALICE));

        for (ConversationEvent event : events) {
            DeliveredEvent delivered = new DeliveredEvent("event-1", event);
            String json = EventPayload.write(JSON, delivered);

            assertThat(EventPayload.read(JSON, json)).as(json).isEqualTo(delivered);
        }
        assertThat(EventPayload.write(JSON, new DeliveredEvent("e", new ConversationEvent.MessageRevised(deleted, Set.of(ALICE)))))
                .contains("\"kind\":\"revised\"").contains("\"text\":\"\"");
    }

    @Test
    void theEarlierFormatIsStillRead() throws Exception {
        String earlier = "{\"id\":\"event-2\",\"kind\":\"message\",\"group\":\"" + GROUP + "\",\"audience\":[\"" + ALICE + "\",\""
                + BOB + "\"],\"messageId\":\"" + SENT.id() + "\",\"senderId\":\"" + ALICE + "\",\"senderHandle\":\"alice\","
                + "\"senderDisplayName\":\"Alice\",\"text\":\"hello\",\"createdAt\":\"" + AT.format() + "\",\"reader\":null,"
                + "\"upTo\":null,\"typist\":null,\"editedAt\":null,\"deletedAt\":null,\"blocked\":null}";
        String earlierBlock = "{\"id\":\"event-3\",\"kind\":\"block\",\"group\":null,\"audience\":[\"" + ALICE + "\"],"
                + "\"messageId\":null,\"senderId\":null,\"senderHandle\":null,\"senderDisplayName\":null,\"text\":null,"
                + "\"createdAt\":null,\"reader\":null,\"upTo\":null,\"typist\":null,\"editedAt\":null,\"deletedAt\":null,"
                + "\"blocked\":\"" + BOB + "\"}";

        assertThat(EventPayload.read(JSON, earlier))
                .isEqualTo(new DeliveredEvent("event-2", new ConversationEvent.MessageSent(SENT, Set.of(ALICE, BOB))));
        assertThat(EventPayload.read(JSON, earlierBlock))
                .isEqualTo(new DeliveredEvent("event-3", new ConversationEvent.BlockChanged(ALICE, BOB, true)));
    }
}
