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
import com.cruddur.messaging.domain.model.ReadState;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A member's summary of a group: {@code GRP#<owner user_uuid>} / {@code last_message_at}, with
 * {@code message_group_uuid}, the last {@code message} and the <em>other</em> member's
 * {@code user_uuid}, {@code user_display_name}, {@code user_handle}. It is the only item kind
 * that carries {@code message_group_uuid}, so it is the only kind in the GSI.
 *
 * <p>Our additions, which the original ignores: {@code unread_count}, {@code last_read_at},
 * {@code other_last_read_at}, what the count has seen ({@link Tally}: {@code counted_up_to},
 * {@code counted_since}, {@code counted_recent}) and {@code rev}, which every change in place
 * increments so that a mover can tell that the row changed under it.
 *
 * @param sk the sort key exactly as stored, which may be in the original's formats
 */
record GroupRow(String sk, GroupSummary summary, Tally tally, long rev) {
    static final String PREFIX = "GRP#";
    static final String UNREAD_COUNT = "unread_count";
    static final String LAST_READ_AT = "last_read_at";
    static final String OTHER_LAST_READ_AT = "other_last_read_at";
    static final String COUNTED_UP_TO = "counted_up_to";
    static final String COUNTED_SINCE = "counted_since";
    static final String COUNTED_RECENT = "counted_recent";
    static final String REV = "rev";

    static String pk(UserId owner) {
        return PREFIX + owner;
    }

    /** A new row whose count has seen messages up to its last message. */
    static GroupRow of(GroupSummary summary) {
        return new GroupRow(summary.lastMessageAt().format(), summary, Tally.startingAt(summary.lastMessageAt()), 0);
    }

    Map<String, AttributeValue> key() {
        return Map.of(PK, s(pk(summary.owner())), SK, s(sk));
    }

    Map<String, AttributeValue> item() {
        Profile other = summary.other();
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                PK, s(pk(summary.owner())),
                SK, s(sk),
                MESSAGE_GROUP_UUID, s(summary.groupId().toString()),
                MESSAGE, s(summary.lastMessage()),
                USER_UUID, s(other.id().toString()),
                USER_DISPLAY_NAME, s(other.displayName()),
                USER_HANDLE, s(other.handle().value())));
        item.putAll(readAttributes(summary.reads(), tally));
        item.put(REV, AttributeValue.fromN(Long.toString(rev)));
        return item;
    }

    static Map<String, AttributeValue> readAttributes(ReadState reads, Tally tally) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put(UNREAD_COUNT, AttributeValue.fromN(Integer.toString(reads.unreadCount())));
        reads.lastReadAt().ifPresent(at -> attributes.put(LAST_READ_AT, s(at.format())));
        reads.otherLastReadAt().ifPresent(at -> attributes.put(OTHER_LAST_READ_AT, s(at.format())));
        attributes.put(COUNTED_UP_TO, s(tally.upTo().format()));
        attributes.put(COUNTED_SINCE, s(tally.since().format()));
        // An empty string is a valid attribute value, so the attribute is always there to be overwritten.
        attributes.put(COUNTED_RECENT, s(tally.encodedCounted()));
        return attributes;
    }

    /** The same summary under another sort key, e.g. one microsecond on after a collision. */
    GroupRow at(Timestamp lastMessageAt) {
        return new GroupRow(lastMessageAt.format(), new GroupSummary(summary.owner(), summary.groupId(),
                summary.other(), summary.lastMessage(), lastMessageAt, summary.reads()), tally, rev);
    }

    static GroupRow from(Map<String, AttributeValue> item) {
        String pk = required(item, PK);
        if (!pk.startsWith(PREFIX)) {
            throw new MalformedItemException("not a group summary: " + pk);
        }
        String sk = required(item, SK);
        try {
            ReadState reads = new ReadState(number(item, UNREAD_COUNT).map(Math::toIntExact).orElse(0),
                    time(item, LAST_READ_AT), time(item, OTHER_LAST_READ_AT));
            return new GroupRow(sk, new GroupSummary(
                    UserId.of(pk.substring(PREFIX.length())),
                    MessageGroupId.of(required(item, MESSAGE_GROUP_UUID)),
                    new Profile(UserId.of(required(item, USER_UUID)), new Handle(required(item, USER_HANDLE)),
                            required(item, USER_DISPLAY_NAME)),
                    required(item, MESSAGE),
                    Timestamp.parse(sk),
                    reads), tallyOf(item, Timestamp.parse(sk)), number(item, REV).orElse(0L));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new MalformedItemException("unreadable group summary " + Attributes.keyOf(item), e);
        }
    }

    /** The original's rows have none: their count starts at their message. */
    private static Tally tallyOf(Map<String, AttributeValue> item, Timestamp lastMessageAt) {
        Timestamp upTo = time(item, COUNTED_UP_TO).orElse(lastMessageAt);
        return Tally.decode(upTo, time(item, COUNTED_SINCE).orElse(upTo),
                Attributes.string(item, COUNTED_RECENT).orElse(""));
    }

    private static Optional<Timestamp> time(Map<String, AttributeValue> item, String name) {
        return Attributes.string(item, name).map(Timestamp::parse);
    }

    private static Optional<Long> number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? Optional.empty() : Optional.of(Long.parseLong(value.n()));
    }
}
