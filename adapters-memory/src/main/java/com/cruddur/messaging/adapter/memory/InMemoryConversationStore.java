package com.cruddur.messaging.adapter.memory;

import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.Erasures;
import com.cruddur.messaging.domain.application.port.out.GroupCreation;
import com.cruddur.messaging.domain.application.port.out.Projection;
import com.cruddur.messaging.domain.error.ConflictException;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.ClientMessageId;
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
import com.cruddur.messaging.domain.model.ReadState;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserId;
import com.cruddur.messaging.domain.model.UserPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Conversations in memory, for tests and the {@code memory} store setting. One read-write lock
 * makes every operation atomic; summaries move together with {@link #append}, as in PostgreSQL, and
 * unread counts are counted when summaries are read. Client message ids are kept as long as the
 * process lives (at least the 24 hours promised), each with its message's id and its text's digest only,
 * so that an edit or a deletion leaves no copy of the text behind.
 */
public final class InMemoryConversationStore implements ConversationStore, Erasures {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<MessageGroupId, MessageGroup> groups = new HashMap<>();
    private final Map<UserPair, MessageGroupId> groupsByPair = new HashMap<>();
    private final Map<MessageGroupId, NavigableMap<Timestamp, Message>> messagesByGroup = new HashMap<>();
    private final Map<UserId, Map<MessageGroupId, GroupSummary>> summariesByOwner = new HashMap<>();
    private final Map<MessageGroupId, Map<UserId, Timestamp>> markersByGroup = new HashMap<>();
    private final Map<ClientSend, SentUnderId> sendsByClientId = new HashMap<>();

    /** A send the client named: its sender and the id. */
    private record ClientSend(UserId sender, ClientMessageId id) {
    }

    /** What a named send stored: its message, and its text's digest. */
    private record SentUnderId(MessageGroupId group, Timestamp at, String textDigest) {
    }

    @Override
    public Optional<MessageGroup> group(MessageGroupId id) {
        return read(() -> Optional.ofNullable(groups.get(id)));
    }

    @Override
    public Optional<MessageGroupId> groupOf(UserPair pair) {
        return read(() -> Optional.ofNullable(groupsByPair.get(pair)));
    }

    @Override
    public GroupCreation create(MessageGroup group, NewMessage first) {
        return write(() -> {
            Optional<Message> earlier = earlierSend(first, group.pair());
            if (earlier.isPresent()) {
                return new GroupCreation.AlreadySent(earlier.get());
            }
            MessageGroupId existing = groupsByPair.get(group.pair());
            if (existing != null) {
                return new GroupCreation.PairTaken(existing);
            }
            if (groups.containsKey(group.id())) {
                throw new IllegalArgumentException("group id already used: " + group.id());
            }
            Message message = first.storedIn(group.id(), first.proposedAt());
            groups.put(group.id(), group);
            groupsByPair.put(group.pair(), group.id());
            messagesByGroup.computeIfAbsent(group.id(), id -> new TreeMap<>()).put(message.createdAt(), message);
            GroupSummary.of(group, message).forEach(this::putSummary);
            stored(first, message);
            return new GroupCreation.Created(message);
        });
    }

    @Override
    public Message append(MessageGroupId groupId, NewMessage draft) {
        return write(() -> {
            MessageGroup group = groups.get(groupId);
            if (group == null) {
                throw NotFoundException.messageGroup(groupId.toString());
            }
            Optional<Message> earlier = earlierSend(draft, group.pair());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            NavigableMap<Timestamp, Message> messages = messagesByGroup.get(groupId);
            Timestamp createdAt = messages.isEmpty()
                    ? draft.proposedAt()
                    : Timestamp.latest(draft.proposedAt(), messages.lastKey().nextMicrosecond());
            Message message = draft.storedIn(groupId, createdAt);
            messages.put(createdAt, message);
            moveSummaries(group, message);
            stored(draft, message);
            return message;
        });
    }

    /**
     * The message sent before under the draft's client id as it is now (perhaps edited or deleted since), if
     * it was the same text to the same pair; a different one is a conflict.
     */
    private Optional<Message> earlierSend(NewMessage draft, UserPair pair) {
        Optional<SentUnderId> earlier = draft.clientId()
                .map(id -> sendsByClientId.get(new ClientSend(draft.sender().id(), id)));
        if (earlier.isPresent() && !(earlier.get().textDigest().equals(draft.text().digest())
                && groups.get(earlier.get().group()).pair().equals(pair))) {
            throw ConflictException.clientMessageIdReused();
        }
        return earlier.map(sent -> messagesByGroup.get(sent.group()).get(sent.at()));
    }

    /** Remembers the client's id of a stored message, and moves the sender's marker to it. */
    private void stored(NewMessage draft, Message message) {
        draft.clientId().ifPresent(id -> sendsByClientId.put(new ClientSend(draft.sender().id(), id),
                new SentUnderId(message.groupId(), message.createdAt(), draft.text().digest())));
        moveMarker(message.groupId(), message.sender().id(), message.createdAt());
    }

    private ReadMarkers moveMarker(MessageGroupId group, UserId reader, Timestamp upTo) {
        Map<UserId, Timestamp> markers = markersByGroup.computeIfAbsent(group, id -> new HashMap<>());
        markers.merge(reader, upTo, Timestamp::latest);
        return new ReadMarkers(group, markers);
    }

    @Override
    public Optional<Message> latestMessage(MessageGroupId group) {
        return read(() -> Optional.ofNullable(messagesByGroup.get(group)).filter(messages -> !messages.isEmpty())
                .map(messages -> messages.lastEntry().getValue()));
    }

    @Override
    public Optional<Message> firstMessage(MessageGroupId group) {
        return read(() -> Optional.ofNullable(messagesByGroup.get(group)).filter(messages -> !messages.isEmpty())
                .map(messages -> messages.firstEntry().getValue()));
    }

    @Override
    public Optional<Message> message(MessageGroupId group, MessageId id) {
        return read(() -> messagesByGroup.getOrDefault(group, Collections.emptyNavigableMap()).values().stream()
                .filter(message -> message.id().equals(id)).findFirst());
    }

    /** The message and the summaries that show it change together. */
    @Override
    public boolean revise(Message current, Message next) {
        return write(() -> {
            NavigableMap<Timestamp, Message> messages = messagesByGroup.get(current.groupId());
            if (messages == null || !current.equals(messages.get(current.createdAt())) || !next.isRevisionOf(current)) {
                return false;
            }
            messages.put(next.createdAt(), next);
            summariesByOwner.values().forEach(owned -> owned.computeIfPresent(next.groupId(),
                    (group, summary) -> summary.shows(next) ? summary.withTextOf(next) : summary));
            return true;
        });
    }

    @Override
    public ReadMarkers markRead(MessageGroupId group, UserId reader, Timestamp upTo) {
        return write(() -> moveMarker(group, reader, upTo));
    }

    @Override
    public ReadMarkers readMarkers(MessageGroupId group) {
        return read(() -> new ReadMarkers(group, markersByGroup.getOrDefault(group, Map.of())));
    }

    @Override
    public Projection projectReads(ReadMarkers markers) {
        return new Projection(0, read(() -> summariesOf(markers.group())));
    }

    private int summariesOf(MessageGroupId group) {
        return groups.containsKey(group) ? 2 : 0;
    }

    @Override
    public Page<Message> messages(MessageGroupId groupId, PageRequest page) {
        Optional<Timestamp> before = page.cursor().map(SummaryPosition::timestampOf);
        return read(() -> {
            NavigableMap<Timestamp, Message> all = messagesByGroup.getOrDefault(groupId, Collections.emptyNavigableMap());
            NavigableMap<Timestamp, Message> older = before.map(at -> all.headMap(at, false)).orElse(all);
            List<Message> newestFirst = older.descendingMap().values().stream().limit(page.limit()).toList();
            Optional<Cursor> next = older.size() > newestFirst.size()
                    ? Optional.of(new Cursor(newestFirst.get(newestFirst.size() - 1).createdAt().format()))
                    : Optional.empty();
            List<Message> oldestFirst = new ArrayList<>(newestFirst);
            Collections.reverse(oldestFirst);
            return new Page<>(oldestFirst, next);
        });
    }

    @Override
    public Page<GroupSummary> summaries(UserId owner, PageRequest page) {
        Optional<SummaryPosition> after = page.cursor().map(SummaryPosition::of);
        return read(() -> {
            List<GroupSummary> rest = summariesByOwner.getOrDefault(owner, Map.of()).values().stream()
                    .filter(summary -> after.map(position -> SummaryPosition.of(summary).compareTo(position) > 0).orElse(true))
                    .sorted(Comparator.comparing(SummaryPosition::of))
                    .limit(page.limit() + 1L)
                    .map(this::withReads)
                    .toList();
            if (rest.size() <= page.limit()) {
                return Page.last(rest);
            }
            List<GroupSummary> items = rest.subList(0, page.limit());
            return new Page<>(items, Optional.of(SummaryPosition.of(items.get(items.size() - 1)).cursor()));
        });
    }

    /** The owner's read state, counted now: the other member's messages after the owner's marker. */
    private GroupSummary withReads(GroupSummary summary) {
        Map<UserId, Timestamp> markers = markersByGroup.getOrDefault(summary.groupId(), Map.of());
        Optional<Timestamp> mine = Optional.ofNullable(markers.get(summary.owner()));
        NavigableMap<Timestamp, Message> messages = messagesByGroup.get(summary.groupId());
        long unread = mine.map(at -> messages.tailMap(at, false)).orElse(messages).values().stream()
                .filter(message -> message.sender().id().equals(summary.other().id()))
                .limit(ReadState.COUNTED_MAX)
                .count();
        return summary.with(new ReadState((int) unread, mine, Optional.ofNullable(markers.get(summary.other().id()))));
    }

    @Override
    public Projection project(List<Message> storedInOneGroup) {
        return write(() -> {
            MessageGroup group = groups.get(storedInOneGroup.get(0).groupId());
            if (group == null) {
                return new Projection(0, 0);
            }
            Message newest = storedInOneGroup.stream().max(Comparator.comparing(Message::createdAt)).orElseThrow();
            return moveSummaries(group, newest);
        });
    }

    private Projection moveSummaries(MessageGroup group, Message message) {
        int moved = 0;
        int current = 0;
        for (GroupSummary summary : GroupSummary.of(group, message)) {
            GroupSummary shown = summariesByOwner.getOrDefault(summary.owner(), Map.of()).get(group.id());
            if (shown == null) {
                continue; // a member whose data was erased: the group forgot their summary
            }
            if (shown.isOlderThan(message)) {
                putSummary(shown.movedTo(message));
                moved++;
            } else {
                current++;
            }
        }
        return new Projection(moved, current);
    }

    @Override
    public void forgetMember(MessageGroupId groupId, Profile erased) {
        write(() -> {
            MessageGroup group = groups.get(groupId);
            if (group == null || !group.hasMember(erased.id())) {
                return null;
            }
            groups.put(groupId, group.withMember(erased));
            summariesByOwner.getOrDefault(erased.id(), new HashMap<>()).remove(groupId);
            markersByGroup.getOrDefault(groupId, new HashMap<>()).remove(erased.id());
            UserId other = group.otherThan(erased.id()).id();
            summariesByOwner.getOrDefault(other, new HashMap<>()).computeIfPresent(groupId,
                    (id, summary) -> summary.withOther(erased));
            return null;
        });
    }

    @Override
    public int forgetClientIds(UserId sender) {
        return write(() -> {
            int before = sendsByClientId.size();
            sendsByClientId.keySet().removeIf(send -> send.sender().equals(sender));
            return before - sendsByClientId.size();
        });
    }

    private void putSummary(GroupSummary summary) {
        summariesByOwner.computeIfAbsent(summary.owner(), owner -> new HashMap<>()).put(summary.groupId(), summary);
    }

    private <T> T read(Supplier<T> operation) {
        lock.readLock().lock();
        try {
            return operation.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> operation) {
        lock.writeLock().lock();
        try {
            return operation.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
