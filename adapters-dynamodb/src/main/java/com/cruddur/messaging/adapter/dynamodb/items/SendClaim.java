package com.cruddur.messaging.adapter.dynamodb.items;

import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.SK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.required;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.s;

import com.cruddur.messaging.adapter.dynamodb.table.Attributes;
import com.cruddur.messaging.adapter.dynamodb.table.MalformedItemException;
import com.cruddur.messaging.domain.model.ClientMessageId;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Our addition: {@code SEND#<sender user_uuid>} / {@code <client_message_id>}, a sender's claim of a
 * client id for one send. It is written <em>before</em> the message and fixes everything about it — the
 * message's id, group and time — so that whoever finds it (the sender, a racing retry, a retry after a
 * crash) writes the same {@code MSG} item, whose key then makes a second copy impossible. The text is
 * kept as a digest only, to tell a retry from a reuse. {@code expires_at} is the table's TTL attribute;
 * an expired claim is free to be claimed again. No attribute is {@code message_group_uuid}, so it stays
 * out of the GSI.
 *
 * @param pair     the key of the pair of users the send is between
 * @param newGroup whether the send creates {@code group} (a send by handle to a pair without one)
 */
public record SendClaim(UserId sender, ClientMessageId clientId, String pair, MessageId message, MessageGroupId group,
                 Timestamp at, boolean newGroup, String textDigest, long expiresAt) {
    static final String PREFIX = "SEND#";
    public static final String AT = "claim_created_at";
    public static final String GROUP = "claim_message_group_uuid";
    public static final String NEW_GROUP = "claim_new_group";
    private static final String MESSAGE = "claim_message_uuid";
    private static final String PAIR = "claim_pair";
    private static final String TEXT_DIGEST = "claim_text_sha256";

    public static Map<String, AttributeValue> key(UserId sender, ClientMessageId clientId) {
        return Map.of(PK, s(pk(sender)), SK, s(clientId.value()));
    }

    /** The partition of a sender's claims. */
    public static String pk(UserId sender) {
        return PREFIX + sender;
    }

    public Map<String, AttributeValue> key() {
        return key(sender, clientId);
    }

    public Map<String, AttributeValue> item() {
        Map<String, AttributeValue> item = new HashMap<>(key());
        item.put(PAIR, s(pair));
        item.put(MESSAGE, s(message.toString()));
        item.put(GROUP, s(group.toString()));
        item.put(AT, s(at.format()));
        item.put(NEW_GROUP, AttributeValue.fromBool(newGroup));
        item.put(TEXT_DIGEST, s(textDigest));
        item.put(Attributes.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt)));
        return item;
    }

    public static SendClaim from(Map<String, AttributeValue> item) {
        String pk = required(item, PK);
        try {
            AttributeValue newGroup = item.get(NEW_GROUP);
            AttributeValue expires = item.get(Attributes.EXPIRES_AT);
            return new SendClaim(UserId.of(pk.substring(PREFIX.length())), new ClientMessageId(required(item, SK)),
                    required(item, PAIR), MessageId.of(required(item, MESSAGE)), MessageGroupId.of(required(item, GROUP)),
                    Timestamp.parse(required(item, AT)), newGroup != null && Boolean.TRUE.equals(newGroup.bool()),
                    required(item, TEXT_DIGEST), expires == null ? 0 : Long.parseLong(expires.n()));
        } catch (RuntimeException e) {
            throw new MalformedItemException("unreadable send claim " + Attributes.keyOf(item), e);
        }
    }

    public SendClaim at(MessageGroupId group, Timestamp at, boolean newGroup) {
        return new SendClaim(sender, clientId, pair, message, group, at, newGroup, textDigest, expiresAt);
    }

    public static long expiry(Instant now, int keptHours) {
        return now.getEpochSecond() + keptHours * 3600L;
    }

}
