package com.cruddur.messaging.adapter.dynamodb.rooms;

import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.s;

import com.cruddur.messaging.adapter.dynamodb.items.SendClaim;
import com.cruddur.messaging.adapter.dynamodb.table.Attributes;
import com.cruddur.messaging.adapter.dynamodb.table.DynamoDbFailures;
import com.cruddur.messaging.adapter.dynamodb.table.TableClient;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.error.ConflictException;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserPair;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Idempotent sends: the {@link SendClaim} a send the client named takes before its message is written.
 * The claim fixes the message's id, group and time, so a retry — racing, or after a crash — writes the
 * same items; an expired claim is free to be claimed again.
 */
public final class SendClaims {
    private final TableClient table;

    public SendClaims(TableClient table) {
        this.table = table;
    }

    /**
     * Claims the draft's client id for its message at this group and time and returns the claim — or the
     * earlier, unexpired claim that holds the id, if it was for the same text to the same pair; another
     * send under the id is a conflict and writes nothing.
     */
    SendClaim claim(NewMessage draft, MessageGroupId group, Timestamp at, boolean newGroup, UserPair pair) {
        Instant now = Instant.now();
        SendClaim claim = new SendClaim(draft.sender().id(), draft.clientId().orElseThrow(), pair.key(), draft.id(),
                group, at, newGroup, draft.text().digest(),
                SendClaim.expiry(now, ConversationStore.CLIENT_IDS_KEPT_HOURS));
        Optional<Map<String, AttributeValue>> holder = table.putOrGetHolder("send.claim", claim.item(),
                TableClient.ITEM_ABSENT + " OR " + Attributes.EXPIRES_AT + " < :now",
                Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))));
        if (holder.isEmpty()) {
            return claim;
        }
        SendClaim earlier = SendClaim.from(holder.get().isEmpty() ? read(claim) : holder.get());
        if (!earlier.pair().equals(claim.pair()) || !earlier.textDigest().equals(claim.textDigest())) {
            throw ConflictException.clientMessageIdReused();
        }
        return earlier;
    }

    /** Moves a claim to another group or time, unless someone moved it first: then theirs is the claim. */
    SendClaim move(SendClaim claim, MessageGroupId group, Timestamp at, boolean newGroup) {
        SendClaim moved = claim.at(group, at, newGroup);
        var written = table.updateIf("send.claim.move", claim.key(),
                "SET " + SendClaim.GROUP + " = :group, " + SendClaim.AT + " = :at, " + SendClaim.NEW_GROUP + " = :new",
                SendClaim.GROUP + " = :was_group AND " + SendClaim.AT + " = :was_at",
                Map.of(":group", s(group.toString()), ":at", s(at.format()), ":new", AttributeValue.fromBool(newGroup),
                        ":was_group", s(claim.group().toString()), ":was_at", s(claim.at().format())));
        if (written.done()) {
            return moved;
        }
        return SendClaim.from(written.item().isEmpty() ? read(claim) : written.item());
    }

    /**
     * Frees a claim for a new group whose pair turned out to be taken, so that the send can go to the
     * pair's group under the same id — unless a retry already moved it there.
     */
    void release(SendClaim claim, MessageGroupId claimedGroup) {
        table.deleteIf("send.claim.release", claim.key(), SendClaim.GROUP + " = :group",
                Map.of(":group", s(claimedGroup.toString())));
    }

    /** Strongly consistent, where a failed write did not return what holds its key: it was written a moment ago. */
    private Map<String, AttributeValue> read(SendClaim claim) {
        return table.get("send.claim.read", claim.key(), true)
                .orElseThrow(() -> DynamoDbFailures.gaveUp("read the send claim " + claim.key()));
    }
}
