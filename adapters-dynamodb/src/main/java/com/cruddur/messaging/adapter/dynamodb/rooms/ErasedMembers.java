package com.cruddur.messaging.adapter.dynamodb.rooms;

import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.PK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.SK;
import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.s;

import com.cruddur.messaging.adapter.dynamodb.items.GroupRow;
import com.cruddur.messaging.adapter.dynamodb.items.MembersRecord;
import com.cruddur.messaging.adapter.dynamodb.items.SendClaim;
import com.cruddur.messaging.adapter.dynamodb.table.TableClient;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.UserId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the table keeps of a member besides their messages, forgotten when their data is erased, in an order that a
 * rerun finishes: the members record first (it shows them erased, and that tells {@link SummaryMover} not to write
 * their summary back), then their {@code GRP} rows, then the other member's rows, which show their erased profile and
 * no longer their read marker. Their {@code SEND#} claims are deleted one by one.
 */
public final class ErasedMembers {
    private final TableClient table;
    private final GroupDirectory directory;
    private final SummaryRows rows;

    public ErasedMembers(TableClient table, GroupDirectory directory, SummaryRows rows) {
        this.table = table;
        this.directory = directory;
        this.rows = rows;
    }

    public void forget(MessageGroupId id, Profile erased) {
        // Read first: a group the original created gets its members record here, while both summaries still name them.
        Optional<MessageGroup> known = directory.group(id);
        if (known.isEmpty() || !known.get().hasMember(erased.id())) {
            return;
        }
        MessageGroup group = known.get();
        Map.Entry<String, Map<String, AttributeValue>> update = MembersRecord.erasing(group, erased);
        table.updateIf("erase.members", MembersRecord.key(id), update.getKey(), TableClient.ITEM_PRESENT,
                update.getValue());
        directory.remember(group.withMember(erased));
        for (GroupRow row : rows.inTable(erased.id(), id)) {
            table.delete("erase.own-summary", row.key());
        }
        for (GroupRow row : rows.inTable(group.otherThan(erased.id()).id(), id)) {
            rows.reprofile(row, erased);
        }
    }

    public int forgetClientIds(UserId sender) {
        List<Map<String, AttributeValue>> claims = table.queryAll("erase.claims", query -> query
                .keyConditionExpression(PK + " = :pk")
                .expressionAttributeValues(Map.of(":pk", s(SendClaim.pk(sender))))
                .projectionExpression(PK + ", " + SK)
                .consistentRead(true));
        for (Map<String, AttributeValue> claim : claims) {
            table.delete("erase.claim", new HashMap<>(Map.of(PK, claim.get(PK), SK, claim.get(SK))));
        }
        return claims.size();
    }
}
