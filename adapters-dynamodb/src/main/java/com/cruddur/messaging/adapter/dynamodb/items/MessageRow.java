package com.cruddur.messaging.adapter.dynamodb.items;

import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.MESSAGE;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.MESSAGE_UUID;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.SK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.USER_DISPLAY_NAME;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.USER_HANDLE;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.USER_UUID;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.required;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.s;

import com.cruddur.messaging.adapter.dynamodb.table.Attributes;
import com.cruddur.messaging.adapter.dynamodb.table.MalformedItemException;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A message: {@code MSG#<message_group_uuid>} / {@code created_at}, with {@code message_uuid},
 * {@code message} and the sender's {@code user_uuid}, {@code user_display_name}, {@code user_handle}.
 * Our addition, which the original ignores: {@code edited_at} and {@code deleted_at} once the sender
 * edited or deleted it (a deleted message's {@code message} is empty).
 */
public final class MessageRow {
    static final String PREFIX = "MSG#";
    public static final String EDITED_AT = "edited_at";
    public static final String DELETED_AT = "deleted_at";

    private MessageRow() {
    }

    public static String pk(MessageGroupId group) {
        return PREFIX + group;
    }

    public static Map<String, AttributeValue> key(MessageGroupId group, Timestamp at) {
        return Map.of(PK, s(pk(group)), SK, s(at.format()));
    }

    public static Map<String, AttributeValue> item(Message message) {
        return item(message, message.createdAt().format());
    }

    /** The item under a sort key as stored, which may be in the original's formats. */
    public static Map<String, AttributeValue> item(Message message, String sk) {
        Profile sender = message.sender();
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                PK, s(pk(message.groupId())),
                SK, s(sk),
                MESSAGE_UUID, s(message.id().toString()),
                MESSAGE, s(message.text()),
                USER_UUID, s(sender.id().toString()),
                USER_DISPLAY_NAME, s(sender.displayName()),
                USER_HANDLE, s(sender.handle().value())));
        message.editedAt().ifPresent(at -> item.put(EDITED_AT, s(at.format())));
        message.deletedAt().ifPresent(at -> item.put(DELETED_AT, s(at.format())));
        return item;
    }

    /** Reads our items and the original's (other time offsets, fewer digits). */
    public static Message message(Map<String, AttributeValue> item) {
        String pk = required(item, PK);
        if (!pk.startsWith(PREFIX)) {
            throw new MalformedItemException("not a message: " + pk);
        }
        try {
            return new Message(
                    MessageId.of(required(item, MESSAGE_UUID)),
                    MessageGroupId.of(pk.substring(PREFIX.length())),
                    new Profile(UserId.of(required(item, USER_UUID)), new Handle(required(item, USER_HANDLE)),
                            required(item, USER_DISPLAY_NAME)),
                    required(item, MESSAGE),
                    Timestamp.parse(required(item, SK)),
                    Attributes.string(item, EDITED_AT).map(Timestamp::parse),
                    Attributes.string(item, DELETED_AT).map(Timestamp::parse));
        } catch (IllegalArgumentException e) {
            throw new MalformedItemException("unreadable message " + Attributes.keyOf(item), e);
        }
    }
}
