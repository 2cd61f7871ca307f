package com.cruddur.messaging.adapter.stream;

import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.ReadMarkers;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the consumer reads off a change record's new image, in the {@code cruddur-messages} table's layout (the
 * README's DynamoDB section; the store writes it): a message's item, {@code MSG#<group>} / {@code created_at} with
 * {@code message_uuid}, {@code message}, the sender's {@code user_uuid}, {@code user_display_name},
 * {@code user_handle}, and {@code edited_at} / {@code deleted_at} once changed; and a group's members record,
 * {@code MEMBERS#<group>} / {@code MEMBERS}, whose {@code first_…} and {@code second_…} members carry their read
 * markers as {@code first_last_read_at} and {@code second_last_read_at}. Everything else is not the consumer's.
 * The stream's tests feed it the store's own items, so the two cannot drift apart unnoticed.
 */
final class StreamImages {
    private static final String MESSAGE_PREFIX = "MSG#";
    private static final String MEMBERS_PREFIX = "MEMBERS#";

    private StreamImages() {
    }

    static boolean isMessage(Map<String, AttributeValue> image) {
        return string(image, "pk").map(pk -> pk.startsWith(MESSAGE_PREFIX)).orElse(false);
    }

    /** The message of a {@code MSG#} image; an image nobody can read is refused with {@link IllegalArgumentException}. */
    static Message message(Map<String, AttributeValue> image) {
        String pk = required(image, "pk");
        return new Message(
                MessageId.of(required(image, "message_uuid")),
                MessageGroupId.of(pk.substring(MESSAGE_PREFIX.length())),
                new Profile(UserId.of(required(image, "user_uuid")), new Handle(required(image, "user_handle")),
                        required(image, "user_display_name")),
                required(image, "message"),
                Timestamp.parse(required(image, "sk")),
                string(image, "edited_at").map(Timestamp::parse),
                string(image, "deleted_at").map(Timestamp::parse));
    }

    /** The group of a members record's key, if the image is one. */
    static Optional<MessageGroupId> membersGroup(Map<String, AttributeValue> image) {
        return string(image, "pk").filter(pk -> pk.startsWith(MEMBERS_PREFIX))
                .flatMap(pk -> MessageGroupId.parse(pk.substring(MEMBERS_PREFIX.length())));
    }

    /** The read markers a members record holds (none for a member who has not read yet). */
    static ReadMarkers markers(MessageGroupId group, Map<String, AttributeValue> image) {
        Map<UserId, Timestamp> markers = new HashMap<>();
        for (String member : new String[] {"first", "second"}) {
            UserId id = UserId.of(required(image, member + "_user_uuid"));
            string(image, member + "_last_read_at").ifPresent(at -> markers.put(id, Timestamp.parse(at)));
        }
        return new ReadMarkers(group, markers);
    }

    static String describe(Map<String, AttributeValue> image) {
        return string(image, "pk").orElse("?") + " / " + string(image, "sk").orElse("?");
    }

    private static Optional<String> string(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }

    private static String required(Map<String, AttributeValue> image, String name) {
        return string(image, name).orElseThrow(() -> new IllegalArgumentException("no string '" + name + "' in "
                + describe(image)));
    }
}
