package com.cruddur.messaging.adapter.postgres.events;

import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An event as it travels in a {@code NOTIFY} payload: JSON, one record per kind, told apart by {@code kind}. Each
 * kind carries its own fields under the names the earlier single record used, and fields a kind does not know are
 * ignored, so instances of both versions read each other's events during a deployment.
 */
@Serdeable
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = EventPayload.Sent.class, name = "message"),
        @JsonSubTypes.Type(value = EventPayload.Revised.class, name = "revised"),
        @JsonSubTypes.Type(value = EventPayload.Read.class, name = "read"),
        @JsonSubTypes.Type(value = EventPayload.TypingSignal.class, name = "typing"),
        @JsonSubTypes.Type(value = EventPayload.Blocked.class, name = "block"),
        @JsonSubTypes.Type(value = EventPayload.Unblocked.class, name = "unblock"),
        @JsonSubTypes.Type(value = EventPayload.Erased.class, name = "erased")})
sealed interface EventPayload {
    /** The type to write and read payloads as, so that {@code kind} is written and read. */
    Argument<EventPayload> TYPE = Argument.of(EventPayload.class);

    static String write(JsonMapper json, DeliveredEvent delivered) throws IOException {
        return json.writeValueAsString(TYPE, of(delivered));
    }

    static DeliveredEvent read(JsonMapper json, String payload) throws IOException {
        return json.readValue(payload, TYPE).delivered();
    }

    /** The event's id, the same on every instance. */
    String id();

    /** Who may hear of it (the group's members; for a block, the blocker). */
    List<String> audience();

    DeliveredEvent delivered();

    static EventPayload of(DeliveredEvent delivered) {
        String id = delivered.id();
        ConversationEvent event = delivered.event();
        List<String> audience = event.audience().stream().map(UserId::toString).sorted().toList();
        if (event instanceof ConversationEvent.MessageSent sent) {
            return carrying(Sent::new, id, audience, sent.message());
        }
        if (event instanceof ConversationEvent.MessageRevised revised) {
            return carrying(Revised::new, id, audience, revised.message());
        }
        if (event instanceof ConversationEvent.ReadMarkerMoved read) {
            return new Read(id, audience, read.group().toString(), read.reader().toString(), read.upTo().format());
        }
        if (event instanceof ConversationEvent.BlockChanged change) {
            return change.blocking() ? new Blocked(id, audience, change.blocked().toString())
                    : new Unblocked(id, audience, change.blocked().toString());
        }
        if (event instanceof ConversationEvent.AccountErased erased) {
            return new Erased(id, audience);
        }
        var typing = (ConversationEvent.Typing) event;
        return new TypingSignal(id, audience, typing.group().toString(), typing.typist().toString());
    }

    /** The constructor of a kind that carries a message ({@link Sent}, {@link Revised}): the same fields in order. */
    @FunctionalInterface
    interface MessageKind {
        EventPayload of(String id, List<String> audience, String group, String messageId, String senderId,
                        String senderHandle, String senderDisplayName, String text, String createdAt, String editedAt,
                        String deletedAt);
    }

    private static EventPayload carrying(MessageKind kind, String id, List<String> audience, Message m) {
        return kind.of(id, audience, m.groupId().toString(), m.id().toString(), m.sender().id().toString(),
                m.sender().handle().value(), m.sender().displayName(), m.text(), m.createdAt().format(),
                format(m.editedAt()), format(m.deletedAt()));
    }

    private static String format(Optional<Timestamp> at) {
        return at.map(Timestamp::format).orElse(null);
    }

    private static Set<UserId> members(List<String> audience) {
        return audience.stream().map(UserId::of).collect(Collectors.toSet());
    }

    /** The fields of a message, shared by the two kinds that carry one. */
    interface CarriesMessage {
        String group();

        String messageId();

        String senderId();

        String senderHandle();

        String senderDisplayName();

        String text();

        String createdAt();

        @Nullable
        String editedAt();

        @Nullable
        String deletedAt();

        default Message message() {
            return new Message(MessageId.of(messageId()), MessageGroupId.of(group()),
                    new Profile(UserId.of(senderId()), new Handle(senderHandle()), senderDisplayName()), text(),
                    Timestamp.parse(createdAt()), Optional.ofNullable(editedAt()).map(Timestamp::parse),
                    Optional.ofNullable(deletedAt()).map(Timestamp::parse));
        }
    }

    /** A message sent. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS) // a deleted message's text is empty, which the default would leave out
    record Sent(String id, List<String> audience, String group, String messageId, String senderId, String senderHandle,
                String senderDisplayName, String text, String createdAt, @Nullable String editedAt,
                @Nullable String deletedAt) implements EventPayload, CarriesMessage {
        @Override
        public DeliveredEvent delivered() {
            return new DeliveredEvent(id, new ConversationEvent.MessageSent(message(), members(audience)));
        }
    }

    /** A message edited or deleted: its new state. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Revised(String id, List<String> audience, String group, String messageId, String senderId, String senderHandle,
                   String senderDisplayName, String text, String createdAt, @Nullable String editedAt,
                   @Nullable String deletedAt) implements EventPayload, CarriesMessage {
        @Override
        public DeliveredEvent delivered() {
            return new DeliveredEvent(id, new ConversationEvent.MessageRevised(message(), members(audience)));
        }
    }

    /** A member's read marker moved. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Read(String id, List<String> audience, String group, String reader, String upTo) implements EventPayload {
        @Override
        public DeliveredEvent delivered() {
            return new DeliveredEvent(id, new ConversationEvent.ReadMarkerMoved(MessageGroupId.of(group), UserId.of(reader),
                    Timestamp.parse(upTo), members(audience)));
        }
    }

    /** A member is typing. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TypingSignal(String id, List<String> audience, String group, String typist) implements EventPayload {
        @Override
        public DeliveredEvent delivered() {
            return new DeliveredEvent(id, new ConversationEvent.Typing(MessageGroupId.of(group), UserId.of(typist),
                    members(audience)));
        }
    }

    /** The blocker (the audience's one member) blocks {@code blocked}. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Blocked(String id, List<String> audience, String blocked) implements EventPayload {
        @Override
        public DeliveredEvent delivered() {
            return new DeliveredEvent(id, new ConversationEvent.BlockChanged(UserId.of(audience.get(0)), UserId.of(blocked),
                    true));
        }
    }

    /** The blocker (the audience's one member) no longer blocks {@code blocked}. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Unblocked(String id, List<String> audience, String blocked) implements EventPayload {
        @Override
        public DeliveredEvent delivered() {
            return new DeliveredEvent(id, new ConversationEvent.BlockChanged(UserId.of(audience.get(0)), UserId.of(blocked),
                    false));
        }
    }

    /** The audience's one member's data was erased: their streams end. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Erased(String id, List<String> audience) implements EventPayload {
        @Override
        public DeliveredEvent delivered() {
            return new DeliveredEvent(id, new ConversationEvent.AccountErased(UserId.of(audience.get(0))));
        }
    }
}
