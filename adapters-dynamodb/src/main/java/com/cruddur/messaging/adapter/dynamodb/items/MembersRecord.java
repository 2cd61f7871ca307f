package com.cruddur.messaging.adapter.dynamodb.items;

import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.SK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.required;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.s;

import com.cruddur.messaging.adapter.dynamodb.table.Attributes;
import com.cruddur.messaging.adapter.dynamodb.table.MalformedItemException;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.ReadMarkers;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Our addition: {@code MEMBERS#<message_group_uuid>} / {@code MEMBERS}, the group's two members.
 * It makes the membership check a strongly consistent {@code GetItem}, where the GSI (the only other
 * way from a group id to its members) may not yet show a group created a moment ago. Groups the
 * original created have no such record; they are read through the GSI and the record is added.
 *
 * <p>It also holds each member's read marker ({@code first_last_read_at}, {@code second_last_read_at}),
 * moved forward by a conditional update; the stream carries each move to the summaries.
 */
public final class MembersRecord {
    static final String PREFIX = "MEMBERS#";
    private static final String SORT_KEY = "MEMBERS";

    private MembersRecord() {
    }

    public static Map<String, AttributeValue> key(MessageGroupId group) {
        return Map.of(PK, s(PREFIX + group), SK, s(SORT_KEY));
    }

    public static Map<String, AttributeValue> item(MessageGroup group) {
        Map<String, AttributeValue> item = new HashMap<>(key(group.id()));
        put(item, "first", group.first());
        put(item, "second", group.second());
        return item;
    }

    public static MessageGroup group(MessageGroupId id, Map<String, AttributeValue> item) {
        try {
            return new MessageGroup(id, profile(item, "first"), profile(item, "second"));
        } catch (IllegalArgumentException e) {
            throw new MalformedItemException("unreadable members of " + id, e);
        }
    }

    /** The attribute holding a member's read marker (the time of the last message they read). */
    public static String markerOf(MessageGroup group, UserId member) {
        return (group.first().id().equals(member) ? "first" : "second") + "_last_read_at";
    }

    /**
     * The update that makes the record show a member as {@code erased} and forget their read marker, with its values:
     * the other member and their marker stay.
     */
    public static Map.Entry<String, Map<String, AttributeValue>> erasing(MessageGroup group, Profile erased) {
        String which = group.first().id().equals(erased.id()) ? "first" : "second";
        String update = "SET " + which + "_user_handle = :handle, " + which + "_user_display_name = :name REMOVE "
                + markerOf(group, erased.id());
        return Map.entry(update, Map.of(":handle", s(erased.handle().value()), ":name", s(erased.displayName())));
    }

    /** The members' read markers as the record holds them. */
    public static ReadMarkers markers(MessageGroup group, Map<String, AttributeValue> item) {
        Map<UserId, Timestamp> markers = new HashMap<>();
        for (Profile member : group.members()) {
            Attributes.string(item, markerOf(group, member.id()))
                    .ifPresent(at -> markers.put(member.id(), Timestamp.parse(at)));
        }
        return new ReadMarkers(group.id(), markers);
    }

    /** The group of a members record's key, if the key is one. */
    static Optional<MessageGroupId> groupOfKey(Map<String, AttributeValue> item) {
        return Attributes.string(item, PK).filter(pk -> pk.startsWith(PREFIX))
                .flatMap(pk -> MessageGroupId.parse(pk.substring(PREFIX.length())));
    }

    private static void put(Map<String, AttributeValue> item, String which, Profile member) {
        item.put(which + "_user_uuid", s(member.id().toString()));
        item.put(which + "_user_handle", s(member.handle().value()));
        item.put(which + "_user_display_name", s(member.displayName()));
    }

    private static Profile profile(Map<String, AttributeValue> item, String which) {
        return new Profile(UserId.of(required(item, which + "_user_uuid")),
                new Handle(required(item, which + "_user_handle")), required(item, which + "_user_display_name"));
    }
}
