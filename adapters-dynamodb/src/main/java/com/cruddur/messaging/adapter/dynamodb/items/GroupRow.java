package com.cruddur.messaging.adapter.dynamodb.items;

import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.MESSAGE;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.MESSAGE_GROUP_UUID;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.SK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.USER_DISPLAY_NAME;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.USER_HANDLE;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.USER_UUID;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.required;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.s;

import com.cruddur.messaging.adapter.dynamodb.table.Attributes;
import com.cruddur.messaging.adapter.dynamodb.table.MalformedItemException;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
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
 * {@code counted_since}, {@code counted_recent}), which message it shows in which state ({@link Shown}:
 * {@code last_message_uuid}, {@code last_message_revised_at}) and {@code rev}, which every change in place
 * increments so that a mover can tell that the row changed under it.
 *
 * @param sk the sort key exactly as stored, which may be in the original's formats
 */
public record GroupRow(String sk, GroupSummary summary, Tally tally, long rev, Shown shown) {
    static final String PREFIX = "GRP#";
    static final String UNREAD_COUNT = "unread_count";
    static final String LAST_READ_AT = "last_read_at";
    public static final String OTHER_LAST_READ_AT = "other_last_read_at";
    static final String COUNTED_UP_TO = "counted_up_to";
    static final String COUNTED_SINCE = "counted_since";
    static final String COUNTED_RECENT = "counted_recent";
    public static final String REV = "rev";
    static final String LAST_MESSAGE_UUID = "last_message_uuid";
    static final String LAST_MESSAGE_REVISED_AT = "last_message_revised_at";

    /**
     * The message a row shows, and the time of the state it shows (its creation, last edit or deletion), so that
     * an edit or deletion reaches the row and an earlier state, replayed, does not. A row the original wrote,
     * or one written before edits existed, shows the message of its own time as sent.
     */
    public record Shown(Optional<MessageId> message, Timestamp revisedAt) {
        public static Shown of(Message message) {
            return new Shown(Optional.of(message.id()), message.revisedAt());
        }

        /** Whether {@code message} is the one shown and in a later state than shown. */
        public boolean isOutdatedBy(Message message, Timestamp lastMessageAt) {
            boolean same = this.message.map(message.id()::equals).orElse(message.createdAt().equals(lastMessageAt));
            return same && message.revisedAt().isAfter(revisedAt);
        }
    }

    public static String pk(UserId owner) {
        return PREFIX + owner;
    }

    /** A new row showing {@code last}, whose count has seen messages up to it. */
    public static GroupRow of(GroupSummary summary, Message last) {
        return new GroupRow(summary.lastMessageAt().format(), summary, Tally.startingAt(summary.lastMessageAt()), 0,
                Shown.of(last));
    }

    /** The same row with another read state and tally. */
    public GroupRow with(ReadState reads, Tally tally) {
        return new GroupRow(sk, summary.with(reads), tally, rev, shown);
    }

    /** The same row showing this later state of its message. */
    public GroupRow showing(Message revised) {
        return new GroupRow(sk, summary.withTextOf(revised), tally, rev, Shown.of(revised));
    }

    public Map<String, AttributeValue> key() {
        return Map.of(PK, s(pk(summary.owner())), SK, s(sk));
    }

    public Map<String, AttributeValue> item() {
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
        item.putAll(shownAttributes());
        item.put(REV, AttributeValue.fromN(Long.toString(rev)));
        return item;
    }

    /** What a change in place may set besides the read state: the message shown, in its state. */
    public Map<String, AttributeValue> shownAttributes() {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put(MESSAGE, s(summary.lastMessage()));
        shown.message().ifPresent(id -> attributes.put(LAST_MESSAGE_UUID, s(id.toString())));
        attributes.put(LAST_MESSAGE_REVISED_AT, s(shown.revisedAt().format()));
        return attributes;
    }

    public static Map<String, AttributeValue> readAttributes(ReadState reads, Tally tally) {
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
    public GroupRow at(Timestamp lastMessageAt) {
        return new GroupRow(lastMessageAt.format(), new GroupSummary(summary.owner(), summary.groupId(),
                summary.other(), summary.lastMessage(), lastMessageAt, summary.reads()), tally, rev, shown);
    }

    public static GroupRow from(Map<String, AttributeValue> item) {
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
                    reads), tallyOf(item, Timestamp.parse(sk)), number(item, REV).orElse(0L),
                    new Shown(Attributes.string(item, LAST_MESSAGE_UUID).map(MessageId::of),
                            time(item, LAST_MESSAGE_REVISED_AT).orElse(Timestamp.parse(sk))));
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
