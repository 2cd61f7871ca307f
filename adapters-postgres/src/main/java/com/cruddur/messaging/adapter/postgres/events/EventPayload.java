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
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An event as it travels in a {@code NOTIFY} payload (JSON, well under PostgreSQL's 8000-byte limit:
 * a message's text is at most 1024 code points).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // a deleted message's text is empty, which the default would leave out
record EventPayload(String id, String kind, @Nullable String group, List<String> audience, @Nullable String messageId,
                    @Nullable String senderId, @Nullable String senderHandle, @Nullable String senderDisplayName,
                    @Nullable String text, @Nullable String createdAt, @Nullable String reader, @Nullable String upTo,
                    @Nullable String typist, @Nullable String editedAt, @Nullable String deletedAt,
                    @Nullable String blocked) {
    private static final String MESSAGE = "message";
    private static final String REVISED = "revised";
    private static final String READ = "read";
    private static final String TYPING = "typing";
    private static final String BLOCK = "block";
    private static final String UNBLOCK = "unblock";

    static EventPayload of(DeliveredEvent delivered) {
        ConversationEvent event = delivered.event();
        List<String> audience = event.audience().stream().map(UserId::toString).sorted().toList();
        if (event instanceof ConversationEvent.MessageSent sent) {
            return of(delivered.id(), MESSAGE, audience, sent.message());
        }
        if (event instanceof ConversationEvent.MessageRevised revised) {
            return of(delivered.id(), REVISED, audience, revised.message());
        }
        if (event instanceof ConversationEvent.ReadMarkerMoved read) {
            return new EventPayload(delivered.id(), READ, read.group().toString(), audience, null, null, null, null, null,
                    null, read.reader().toString(), read.upTo().format(), null, null, null, null);
        }
        if (event instanceof ConversationEvent.BlockChanged change) {
            return new EventPayload(delivered.id(), change.blocking() ? BLOCK : UNBLOCK, null, audience, null, null, null,
                    null, null, null, null, null, null, null, null, change.blocked().toString());
        }
        var typing = (ConversationEvent.Typing) event;
        return new EventPayload(delivered.id(), TYPING, typing.group().toString(), audience, null, null, null, null, null,
                null, null, null, typing.typist().toString(), null, null, null);
    }

    private static EventPayload of(String id, String kind, List<String> audience, Message message) {
        Profile sender = message.sender();
        return new EventPayload(id, kind, message.groupId().toString(), audience, message.id().toString(),
                sender.id().toString(), sender.handle().value(), sender.displayName(), message.text(),
                message.createdAt().format(), null, null, null, message.editedAt().map(Timestamp::format).orElse(null),
                message.deletedAt().map(Timestamp::format).orElse(null), null);
    }

    private Message message(MessageGroupId groupId) {
        return new Message(MessageId.of(messageId), groupId,
                new Profile(UserId.of(senderId), new Handle(senderHandle), senderDisplayName), text,
                Timestamp.parse(createdAt), Optional.ofNullable(editedAt).map(Timestamp::parse),
                Optional.ofNullable(deletedAt).map(Timestamp::parse));
    }

    DeliveredEvent delivered() {
        if (BLOCK.equals(kind) || UNBLOCK.equals(kind)) {
            return new DeliveredEvent(id, new ConversationEvent.BlockChanged(UserId.of(audience.get(0)), UserId.of(blocked),
                    BLOCK.equals(kind)));
        }
        MessageGroupId groupId = MessageGroupId.of(group);
        Set<UserId> members = audience.stream().map(UserId::of).collect(Collectors.toSet());
        ConversationEvent event = switch (kind) {
            case MESSAGE -> new ConversationEvent.MessageSent(message(groupId), members);
            case REVISED -> new ConversationEvent.MessageRevised(message(groupId), members);
            case READ -> new ConversationEvent.ReadMarkerMoved(groupId, UserId.of(reader), Timestamp.parse(upTo), members);
            case TYPING -> new ConversationEvent.Typing(groupId, UserId.of(typist), members);
            default -> throw new IllegalArgumentException("an event of an unknown kind: " + kind);
        };
        return new DeliveredEvent(id, event);
    }
}
