package com.cruddur.messaging.adapter.dynamodb.rooms;

import com.cruddur.messaging.adapter.dynamodb.items.SendClaim;
import com.cruddur.messaging.adapter.dynamodb.table.DynamoDbFailures;
import com.cruddur.messaging.domain.application.port.out.GroupCreation;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserPair;
import java.util.Optional;

/**
 * A send's path: a new pair's group ({@link NewGroups}) or a message into an existing one ({@link
 * MessageLog}) — each, when the client named the send, under its claim ({@link SendClaims}), which a
 * retry finds and completes instead of writing anew.
 */
public final class Sends {
    private final GroupDirectory directory;
    private final SendClaims claims;
    private final NewGroups newGroups;
    private final MessageLog log;

    public Sends(GroupDirectory directory, SendClaims claims, NewGroups newGroups, MessageLog log) {
        this.directory = directory;
        this.claims = claims;
        this.newGroups = newGroups;
        this.log = log;
    }

    public GroupCreation create(MessageGroup group, NewMessage first) {
        UserPair pair = group.pair();
        Optional<SendClaim> claim = Optional.empty();
        if (first.clientId().isPresent()) {
            claim = Optional.of(claims.claim(first, group.id(), first.proposedAt(), true, pair));
            if (!claim.get().message().equals(first.id())) {
                return new GroupCreation.AlreadySent(deliver(claim.get(), first, group));
            }
        }
        Optional<MessageGroupId> known = directory.knownGroupOf(pair);
        GroupCreation creation = known.isPresent()
                ? new GroupCreation.PairTaken(known.get())
                // Under a claim, a racing retry may be writing the same group already.
                : newGroups.write(group, first.storedIn(group.id(), first.proposedAt()), claim.isPresent());
        if (creation instanceof GroupCreation.PairTaken) {
            // The caller posts into the pair's group under the same id: free it for that.
            claim.ifPresent(ours -> claims.release(ours, group.id()));
        }
        return creation;
    }

    /** Pattern D; a send the client named is claimed first and then written as its claim says. */
    public Message append(MessageGroupId group, NewMessage draft) {
        if (draft.clientId().isEmpty()) {
            return log.append(group, draft);
        }
        Timestamp at = log.nextTime(group, draft.proposedAt());
        MessageGroup members = directory.group(group).orElseThrow(() -> NotFoundException.messageGroup(group.toString()));
        return deliver(claims.claim(draft, group, at, false, members.pair()), draft, members);
    }

    /**
     * Makes sure a claimed send is stored and returns its message. The claim fixes the message's id, group
     * and time; whoever runs this writes the same items, so racing runs store one message. While another
     * message holds the claimed time, the claim moves on by a microsecond (on condition that it is still
     * at that time). A claimed new group whose pair turned out to be taken is redirected to the pair's group.
     *
     * @param members a group of the same pair, for the members' profiles
     */
    private Message deliver(SendClaim claimed, NewMessage draft, MessageGroup members) {
        SendClaim claim = claimed;
        if (!claim.message().equals(draft.id())) {
            // A retry: most often the first attempt stored it, and a read costs less than a write.
            SendClaim retried = claim;
            Optional<Message> stored = log.at("send.check", claim.group(), claim.at())
                    .filter(message -> message.id().equals(retried.message()));
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        for (int attempt = 0; attempt < DynamoDbFailures.MAX_ATTEMPTS; attempt++) {
            Message message = new Message(claim.message(), claim.group(), draft.sender(), draft.text().value(), claim.at());
            if (claim.newGroup()) {
                GroupCreation creation = newGroups.write(new MessageGroup(claim.group(), members.first(), members.second()),
                        message, true);
                if (creation instanceof GroupCreation.Created created) {
                    return created.first();
                }
                MessageGroupId existing = ((GroupCreation.PairTaken) creation).existing();
                claim = claims.move(claim, existing, log.nextTime(existing, claim.at()), false);
            } else {
                Optional<Message> stored = log.put("send.message", message);
                if (stored.isPresent()) {
                    log.sawMessageAt(claim.group(), claim.at());
                    return stored.get();
                }
                claim = claims.move(claim, claim.group(), claim.at().nextMicrosecond(), false);
            }
        }
        throw DynamoDbFailures.gaveUp("store the claimed send " + claim.key());
    }
}
