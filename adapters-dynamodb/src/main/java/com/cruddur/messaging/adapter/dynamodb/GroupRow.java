package com.cruddur.messaging.adapter.dynamodb;

import static com.cruddur.messaging.adapter.dynamodb.Attributes.MESSAGE;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.MESSAGE_GROUP_UUID;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.SK;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.USER_DISPLAY_NAME;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.USER_HANDLE;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.USER_UUID;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.required;
import static com.cruddur.messaging.adapter.dynamodb.Attributes.s;

import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A member's summary of a group: {@code GRP#<owner user_uuid>} / {@code last_message_at}, with
 * {@code message_group_uuid}, the last {@code message} and the <em>other</em> member's
 * {@code user_uuid}, {@code user_display_name}, {@code user_handle}. It is the only item kind
 * that carries {@code message_group_uuid}, so it is the only kind in the GSI.
 *
 * @param sk the sort key exactly as stored, which may be in the original's formats
 */
record GroupRow(String sk, GroupSummary summary) {
    static final String PREFIX = "GRP#";

    static String pk(UserId owner) {
        return PREFIX + owner;
    }

    static GroupRow of(GroupSummary summary) {
        return new GroupRow(summary.lastMessageAt().format(), summary);
    }

    Map<String, AttributeValue> key() {
        return Map.of(PK, s(pk(summary.owner())), SK, s(sk));
    }

    Map<String, AttributeValue> item() {
        Profile other = summary.other();
        return Map.of(
                PK, s(pk(summary.owner())),
                SK, s(sk),
                MESSAGE_GROUP_UUID, s(summary.groupId().toString()),
                MESSAGE, s(summary.lastMessage()),
                USER_UUID, s(other.id().toString()),
                USER_DISPLAY_NAME, s(other.displayName()),
                USER_HANDLE, s(other.handle().value()));
    }

    /** The same summary under another sort key, e.g. one microsecond on after a collision. */
    GroupRow at(Timestamp lastMessageAt) {
        return new GroupRow(lastMessageAt.format(), new GroupSummary(summary.owner(), summary.groupId(),
                summary.other(), summary.lastMessage(), lastMessageAt));
    }

    static GroupRow from(Map<String, AttributeValue> item) {
        String pk = required(item, PK);
        if (!pk.startsWith(PREFIX)) {
            throw new MalformedItemException("not a group summary: " + pk);
        }
        String sk = required(item, SK);
        try {
            return new GroupRow(sk, new GroupSummary(
                    UserId.of(pk.substring(PREFIX.length())),
                    MessageGroupId.of(required(item, MESSAGE_GROUP_UUID)),
                    new Profile(UserId.of(required(item, USER_UUID)), new Handle(required(item, USER_HANDLE)),
                            required(item, USER_DISPLAY_NAME)),
                    required(item, MESSAGE),
                    Timestamp.parse(sk)));
        } catch (IllegalArgumentException e) {
            throw new MalformedItemException("unreadable group summary " + Attributes.keyOf(item), e);
        }
    }
}
