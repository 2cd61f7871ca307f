package com.cruddur.messaging.adapter.dynamodb.rooms;

import static com.cruddur.messaging.adapter.dynamodb.table.Attributes.s;

import com.cruddur.messaging.adapter.dynamodb.items.GroupRow;
import com.cruddur.messaging.adapter.dynamodb.items.MembersRecord;
import com.cruddur.messaging.adapter.dynamodb.items.PairRecord;
import com.cruddur.messaging.adapter.dynamodb.table.DynamoDbFailures;
import com.cruddur.messaging.adapter.dynamodb.table.TableClient;
import com.cruddur.messaging.domain.application.port.out.GroupCreation;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.UserPair;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pattern C: a new group as five conditional puts, in an order that leaves every intermediate state
 * safe if the process dies between two of them:
 * <ol>
 *   <li>the members record — alone it is unreachable: its id was never returned and no pair names it;</li>
 *   <li>the pair record, which claims the pair (a taken pair: our members record is removed and the
 *       pair's group named) — with only these two, the group has no message and shows in no list,
 *       and the next send to the pair appends to it;</li>
 *   <li>the first message — from here the stream consumer completes any summary still missing;</li>
 *   <li>and 5. each member's summary (a sort key taken by another of the member's summaries moves
 *       on by a microsecond).</li>
 * </ol>
 * A reader never sees a summary of a group without members or messages, and a pair never gets a
 * second group. No transaction: it would cost twice. {@code DynamoDbCrashTest} crashes after each write
 * and checks that the next send and the stream bring the pair to one complete group.
 */
public final class NewGroups {
    private final TableClient table;
    private final GroupDirectory directory;
    private final MessageLog log;
    private final SummaryRows summaryRows;

    public NewGroups(TableClient table, GroupDirectory directory, MessageLog log, SummaryRows summaryRows) {
        this.table = table;
        this.directory = directory;
        this.log = log;
        this.summaryRows = summaryRows;
    }

    /**
     * Writes the group with its first message. Each write accepts what an earlier attempt of the same
     * creation wrote (the same group, the same message): a resumed claimed send, and the SDK's resend of a
     * write whose answer was lost (the fault soak found such a resend refused as "group id already used").
     * A group id is a fresh random UUID, so a record naming it can only be this creation's own.
     */
    GroupCreation write(MessageGroup group, Message message, boolean resume) {
        UserPair pair = group.pair();
        // Never overwritten: by now it may hold the members' read markers.
        Optional<Map<String, AttributeValue>> holder = table.putOrGetHolder("create.members", MembersRecord.item(group),
                TableClient.ITEM_ABSENT, Map.of());
        if (holder.isPresent() && !MembersRecord.group(group.id(), holder.get()).pair().equals(pair)) {
            throw new IllegalArgumentException("group id already used by another pair: " + group.id());
        }
        boolean pairClaimed = table.putIf("create.pair", PairRecord.item(pair, group.id()),
                TableClient.ITEM_ABSENT + " OR " + PairRecord.GROUP + " = :group", Map.of(":group", s(group.id().toString())));
        if (!pairClaimed) {
            table.delete("create.members.undo", MembersRecord.key(group.id()));
            // Strongly consistent: whoever won the race wrote the pair record a moment ago.
            MessageGroupId existing = table.get("create.pair.taken", PairRecord.key(pair), true).map(PairRecord::group)
                    .orElseThrow(() -> new StoreUnavailableException(DynamoDbFailures.STORE,
                            new IllegalStateException("the pair record of " + pair.key() + " vanished")));
            directory.rememberPair(pair, existing);
            return new GroupCreation.PairTaken(existing);
        }
        if (log.put("create.message", message).isEmpty() && !resume) {
            throw new IllegalArgumentException("a message of new group " + group.id() + " already exists");
        }
        for (GroupSummary summary : GroupSummary.of(group, message)) {
            summaryRows.putNew("create.summary", GroupRow.of(summary, message));
        }
        directory.remember(group);
        log.sawMessageAt(group.id(), message.createdAt());
        return new GroupCreation.Created(message);
    }
}
