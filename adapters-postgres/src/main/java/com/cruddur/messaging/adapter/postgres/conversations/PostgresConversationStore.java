package com.cruddur.messaging.adapter.postgres.conversations;

import com.cruddur.messaging.adapter.postgres.PostgresFailures;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.Erasures;
import com.cruddur.messaging.domain.application.port.out.GroupCreation;
import com.cruddur.messaging.domain.application.port.out.Projection;
import com.cruddur.messaging.domain.error.ConflictException;
import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.Cursor;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.ReadMarkers;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import com.cruddur.messaging.domain.model.UserPair;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Conversations in PostgreSQL tables. What DynamoDB needs conditions and a stream for, the database
 * does itself: a unique constraint keeps one group per pair, a row lock lets appends to a group take
 * turns, and a message and both summaries are written in one transaction — so are a message's edit or
 * deletion and the summaries that show it. A client's id for a send is claimed in the same transaction, before
 * the message, with its text's digest (not the text, which an edit or deletion must not leave behind); unread
 * counts are counted by the listing query.
 */
public final class PostgresConversationStore implements ConversationStore, Erasures {
    private final ConversationRows rows;
    private final TransactionOperations<Connection> transactions;
    private final PostgresFailures failures;

    public PostgresConversationStore(ConversationRows rows, TransactionOperations<Connection> transactions,
                                     PostgresFailures failures) {
        this.rows = rows;
        this.transactions = transactions;
        this.failures = failures;
    }

    @Override
    public Optional<MessageGroup> group(MessageGroupId id) {
        return failures.guard(() -> rows.findGroup(id.value()).map(GroupRecord::group));
    }

    @Override
    public Optional<MessageGroupId> groupOf(UserPair pair) {
        return failures.guard(() -> rows.findGroupOfPair(pair.low().value(), pair.high().value())
                .map(record -> new MessageGroupId(record.uuid())));
    }

    @Override
    public GroupCreation create(MessageGroup group, NewMessage first) {
        return write(() -> {
            UserPair pair = group.pair();
            Message message = first.storedIn(group.id(), first.proposedAt());
            Optional<Message> earlier = claim(first, pair);
            if (earlier.isPresent()) {
                return new GroupCreation.AlreadySent(earlier.get());
            }
            int inserted = rows.insertGroupIfPairFree(group.id().value(), pair.low().value(), pair.high().value(),
                    group.first().id().value(), group.first().handle().value(), group.first().displayName(),
                    group.second().id().value(), group.second().handle().value(), group.second().displayName(),
                    time(message.createdAt()));
            if (inserted == 0) {
                first.clientId().ifPresent(id -> rows.releaseClientId(first.sender().id().value(), id.value(),
                        first.id().value()));
                return new GroupCreation.PairTaken(rows.findGroupOfPair(pair.low().value(), pair.high().value())
                        .map(existing -> new MessageGroupId(existing.uuid()))
                        .orElseThrow(() -> new IllegalStateException("group id already used: " + group.id())));
            }
            insert(message);
            for (GroupSummary summary : GroupSummary.of(group, message)) {
                Profile other = summary.other();
                rows.insertSummary(group.id().value(), summary.owner().value(), other.id().value(),
                        other.handle().value(), other.displayName(), summary.lastMessage(), time(summary.lastMessageAt()),
                        summary.reads().lastReadAt().map(PostgresConversationStore::time).orElse(null));
            }
            return new GroupCreation.Created(message);
        });
    }

    @Override
    public Message append(MessageGroupId group, NewMessage draft) {
        return write(() -> {
            MessageGroup locked = rows.lockGroup(group.value())
                    .orElseThrow(() -> NotFoundException.messageGroup(group.toString())).group();
            Optional<Message> earlier = claim(draft, locked.pair());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            Timestamp createdAt = rows.latestMessageTime(group.value())
                    .map(latest -> Timestamp.latest(draft.proposedAt(), new Timestamp(latest.toInstant()).nextMicrosecond()))
                    .orElse(draft.proposedAt());
            Message message = draft.storedIn(group, createdAt);
            insert(message);
            rows.moveSummaries(group.value(), message.text(), time(createdAt));
            rows.moveMarker(group.value(), message.sender().id().value(), time(createdAt));
            return message;
        });
    }

    /**
     * Claims the draft's client id, if it has one, for the draft's message; a racing claim waits for this
     * transaction. Returns the message an earlier send under the id stored, if it was the same text to
     * the same pair; another send under the id is a conflict.
     */
    private Optional<Message> claim(NewMessage draft, UserPair pair) {
        if (draft.clientId().isEmpty()) {
            return Optional.empty();
        }
        UUID sender = draft.sender().id().value();
        String id = draft.clientId().get().value();
        rows.forgetExpiredClientIds();
        if (rows.claimClientId(sender, id, draft.id().value(), CLIENT_IDS_KEPT_HOURS, draft.text().digest()) == 1) {
            return Optional.empty();
        }
        Message earlier = rows.findClaimedMessage(sender, id).map(MessageRecord::toMessage)
                .orElseThrow(() -> new IllegalStateException("a claimed client id without its message: " + id));
        boolean samePair = rows.findGroup(earlier.groupId().value()).map(record -> record.group().pair())
                .filter(pair::equals).isPresent();
        boolean sameText = rows.findClaimedTextDigest(sender, id).map(draft.text().digest()::equals)
                .orElse(earlier.text().equals(draft.text().value()));
        if (!samePair || !sameText) {
            throw ConflictException.clientMessageIdReused();
        }
        return Optional.of(earlier);
    }

    @Override
    public Optional<Message> latestMessage(MessageGroupId group) {
        return failures.guard(() -> rows.newestMessages(group.value(), 1).stream().findFirst().map(MessageRecord::toMessage));
    }

    @Override
    public Optional<Message> firstMessage(MessageGroupId group) {
        return failures.guard(() -> rows.firstMessage(group.value()).map(MessageRecord::toMessage));
    }

    @Override
    public Optional<Message> message(MessageGroupId group, MessageId id) {
        return failures.guard(() -> rows.findMessage(group.value(), id.value()).map(MessageRecord::toMessage));
    }

    /** The message and the summaries that show it, in one transaction. */
    @Override
    public boolean revise(Message current, Message next) {
        if (!next.isRevisionOf(current)) {
            return false;
        }
        return write(() -> {
            int revised = rows.reviseMessage(next.id().value(), next.groupId().value(), next.text(),
                    next.editedAt().map(PostgresConversationStore::time).orElse(null),
                    next.deletedAt().map(PostgresConversationStore::time).orElse(null),
                    next.sender().handle().value(), next.sender().displayName(),
                    current.editedAt().map(PostgresConversationStore::time).orElse(null),
                    current.deletedAt().map(PostgresConversationStore::time).orElse(null));
            if (revised == 1) {
                rows.reviseSummaries(next.groupId().value(), next.text(), time(next.createdAt()));
            }
            return revised == 1;
        });
    }

    /** In one transaction: their summary (and the marker on it) and both copies of their profile. */
    @Override
    public void forgetMember(MessageGroupId group, Profile erased) {
        write(() -> {
            rows.deleteSummary(group.value(), erased.id().value());
            rows.reprofileSummaries(group.value(), erased.id().value(), erased.handle().value(), erased.displayName());
            return rows.reprofileGroup(group.value(), erased.id().value(), erased.handle().value(), erased.displayName());
        });
    }

    @Override
    public int forgetClientIds(UserId sender) {
        return write(() -> rows.deleteClientIds(sender.value()));
    }

    @Override
    public ReadMarkers markRead(MessageGroupId group, UserId reader, Timestamp upTo) {
        return write(() -> {
            rows.moveMarker(group.value(), reader.value(), time(upTo));
            return markersOf(group);
        });
    }

    @Override
    public ReadMarkers readMarkers(MessageGroupId group) {
        return failures.guard(() -> markersOf(group));
    }

    private ReadMarkers markersOf(MessageGroupId group) {
        Map<UserId, Timestamp> markers = new HashMap<>();
        for (MarkerRecord marker : rows.markers(group.value())) {
            if (marker.lastReadAt() != null) {
                markers.put(new UserId(marker.ownerUuid()), new Timestamp(marker.lastReadAt().toInstant()));
            }
        }
        return new ReadMarkers(group, markers);
    }

    /** Markers move on the summary rows themselves, and counts are counted when listed: nothing to do. */
    @Override
    public Projection projectReads(ReadMarkers markers) {
        return failures.guard(() -> new Projection(0, rows.countSummaries(markers.group().value())));
    }

    @Override
    public Page<Message> messages(MessageGroupId group, PageRequest page) {
        Optional<OffsetDateTime> before = page.cursor().map(PostgresConversationStore::timeOf);
        List<Message> newestFirst = failures.guard(() -> (before.isPresent()
                ? rows.newestMessagesBefore(group.value(), before.get(), page.limit() + 1)
                : rows.newestMessages(group.value(), page.limit() + 1)).stream().map(MessageRecord::toMessage).toList());
        Page<Message> newest = pageOf(newestFirst, page.limit(), last -> new Cursor(last.createdAt().format()));
        List<Message> oldestFirst = new ArrayList<>(newest.items());
        Collections.reverse(oldestFirst);
        return new Page<>(oldestFirst, newest.next());
    }

    @Override
    public Page<GroupSummary> summaries(UserId owner, PageRequest page) {
        Optional<SummaryPosition> after = page.cursor().map(SummaryPosition::of);
        List<GroupSummary> newestFirst = failures.guard(() -> (after.isPresent()
                ? rows.newestSummariesAfter(owner.value(), time(after.get().at()), after.get().group(), page.limit() + 1)
                : rows.newestSummaries(owner.value(), page.limit() + 1)).stream().map(SummaryRecord::summary).toList());
        return pageOf(newestFirst, page.limit(), last -> new SummaryPosition(last.lastMessageAt(), last.groupId().value())
                .cursor());
    }

    /** Summaries already moved with the message's insert; a replay moves nothing (forward only). */
    @Override
    public Projection project(List<Message> storedInOneGroup) {
        Message stored = storedInOneGroup.stream().max(Comparator.comparing(Message::createdAt)).orElseThrow();
        return write(() -> {
            int members = rows.countSummaries(stored.groupId().value());
            int moved = rows.moveSummaries(stored.groupId().value(), stored.text(), time(stored.createdAt()));
            return new Projection(moved, members - moved);
        });
    }

    private void insert(Message message) {
        Profile sender = message.sender();
        rows.insertMessage(message.id().value(), message.groupId().value(), sender.id().value(),
                sender.handle().value(), sender.displayName(), message.text(), time(message.createdAt()));
    }

    private <T> T write(Supplier<T> work) {
        return failures.guard(() -> transactions.executeWrite(status -> work.get()));
    }

    /** Reads one item more than the page to know whether another page follows. */
    private static <T> Page<T> pageOf(List<T> newestFirst, int limit, Function<T, Cursor> cursorOf) {
        if (newestFirst.size() <= limit) {
            return Page.last(newestFirst);
        }
        List<T> items = newestFirst.subList(0, limit);
        return new Page<>(items, Optional.of(cursorOf.apply(items.get(items.size() - 1))));
    }

    private static OffsetDateTime time(Timestamp timestamp) {
        return timestamp.instant().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime timeOf(Cursor cursor) {
        try {
            return time(Timestamp.parse(cursor.value()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(ErrorCode.CURSOR_INVALID);
        }
    }

    /** Where a page of summaries ended: the last one's time, ties broken by group id. */
    private record SummaryPosition(Timestamp at, UUID group) {
        static SummaryPosition of(Cursor cursor) {
            String[] parts = cursor.value().split("\\|", -1);
            Optional<MessageGroupId> group = parts.length == 2 ? MessageGroupId.parse(parts[1]) : Optional.empty();
            if (group.isEmpty()) {
                throw new InvalidInputException(ErrorCode.CURSOR_INVALID);
            }
            return new SummaryPosition(new Timestamp(timeOf(new Cursor(parts[0].isEmpty() ? "-" : parts[0])).toInstant()),
                    group.get().value());
        }

        Cursor cursor() {
            return new Cursor(at.format() + "|" + group);
        }
    }
}
