package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.EraseUserDataCommand;
import com.cruddur.messaging.domain.application.port.in.EraseUserDataUseCase;
import com.cruddur.messaging.domain.application.port.in.ErasureProgress;
import com.cruddur.messaging.domain.application.port.in.ErasureReport;
import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.application.port.out.Clock;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.Erasures;
import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.application.port.out.EventTickets;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.error.ConflictException;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The erasure in the order that makes it resumable and leaves nothing behind: the user is signed out first (no new
 * message of theirs after that), then each conversation's messages of theirs become tombstones and the conversation
 * forgets them, then their blocks, send ids and stored events go, then one more look at each conversation's newest
 * messages for a send that was already on its way when they were signed out, then their unused stream tickets go, and
 * last the account is replaced — until then the handle still finds the user, so a run stopped anywhere is finished by
 * running it again — and the streams they still have open are ended.
 */
public final class EraseUserData implements EraseUserDataUseCase {
    private final UserDirectory directory;
    private final ConversationStore store;
    private final Erasures erasures;
    private final Blocks blocks;
    private final EventBus events;
    private final EventTickets tickets;
    private final Clock clock;
    private final Duration signInsLinger;

    /**
     * @param signInsLinger how long a process may still let a signed-out user in (it keeps a found caller that long):
     *                      the last look for their messages is made no earlier than that after signing them out
     */
    public EraseUserData(UserDirectory directory, ConversationStore store, Erasures erasures, Blocks blocks,
                         EventBus events, EventTickets tickets, Clock clock, Duration signInsLinger) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.store = Objects.requireNonNull(store, "store");
        this.erasures = Objects.requireNonNull(erasures, "erasures");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.events = Objects.requireNonNull(events, "events");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signInsLinger = Objects.requireNonNull(signInsLinger, "signInsLinger");
    }

    @Override
    public ErasureReport erase(EraseUserDataCommand command, ErasureProgress progress) {
        User user = directory.byHandle(command.handle())
                .orElseThrow(() -> NotFoundException.user(command.handle().value()));
        Profile erased = user.erased().profile();
        List<MessageGroupId> conversations = EveryPage.all(request -> store.summaries(user.id(), request)).stream()
                .map(GroupSummary::groupId).toList();
        long total = 0;
        for (MessageGroupId conversation : conversations) {
            total += countLeft(conversation, erased);
        }
        List<UserId> blocked = blocks.blockedBy(user.id());
        if (command.dryRun()) {
            return new ErasureReport(true, conversations.size(), total, blocked.size(), -1, -1, erased.handle());
        }
        directory.signOut(user.id());
        Timestamp signedOut = clock.now();
        Tombstones tombstones = new Tombstones(erased, total, progress);
        progress.messagesErased(0, total);
        for (MessageGroupId conversation : conversations) {
            Optional<MessageGroup> group = store.group(conversation);
            if (group.isPresent()) {
                EveryPage.each(request -> store.messages(conversation, request), message -> tombstones.erase(group.get(), message));
                erasures.forgetMember(conversation, erased);
            }
        }
        for (UserId other : blocked) {
            blocks.unblock(user.id(), other);
            events.publish(new ConversationEvent.BlockChanged(user.id(), other, false));
        }
        int clientIds = erasures.forgetClientIds(user.id());
        int storedEvents = events.forgetStoredEventsOf(user.id());
        lookAgainAfterSignInsLinger(conversations, signedOut, tombstones);
        // A ticket issued before the sign-out took effect everywhere would still open a stream of theirs.
        tickets.forgetTicketsOf(user.id());
        directory.replaceWithErased(user.erased());
        events.publish(new ConversationEvent.AccountErased(user.id()));
        return new ErasureReport(false, conversations.size(), tombstones.done, blocked.size(), clientIds, storedEvents,
                erased.handle());
    }

    private long countLeft(MessageGroupId conversation, Profile erased) {
        long[] left = {0};
        EveryPage.each(request -> store.messages(conversation, request), message -> {
            if (Tombstones.isLeft(message, erased)) {
                left[0]++;
            }
        });
        return left[0];
    }

    /**
     * A send that let the user in just before they were signed out is stored after its conversation was passed: it is
     * among the newest messages, which are read (newest first, back to as long before the sign-out as a process may
     * keep a caller: another process's clock may be behind) once no process lets them in.
     */
    private void lookAgainAfterSignInsLinger(List<MessageGroupId> conversations, Timestamp signedOut, Tombstones tombstones) {
        Timestamp settled = new Timestamp(signedOut.instant().plus(signInsLinger));
        Duration wait = Duration.between(clock.now().instant(), settled.instant());
        if (!wait.isNegative() && !wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted before the last look at the user's conversations", e);
            }
        }
        Timestamp lookFrom = new Timestamp(signedOut.instant().minus(signInsLinger));
        for (MessageGroupId conversation : conversations) {
            store.group(conversation).ifPresent(group -> EveryPage.eachWhile(request -> store.messages(conversation, request),
                    page -> page.items().stream().noneMatch(message -> lookFrom.isAfter(message.createdAt())),
                    message -> tombstones.erase(group, message)));
        }
    }

    /** Each of the user's messages not yet erased made a tombstone, its summaries following, its members told. */
    private final class Tombstones {
        /** Each failed attempt means the user's own edit or deletion came in between. */
        static final int MAX_ATTEMPTS = 10;

        private final Profile erased;
        private final ErasureProgress progress;
        private long total;
        private long done;

        Tombstones(Profile erased, long total, ErasureProgress progress) {
            this.erased = erased;
            this.total = total;
            this.progress = progress;
        }

        /** Theirs, and not yet a tombstone carrying the erased profile. */
        static boolean isLeft(Message message, Profile erased) {
            return message.sender().id().equals(erased.id()) && !(message.isDeleted() && message.sender().equals(erased));
        }

        void erase(MessageGroup group, Message message) {
            Message current = message;
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                if (!isLeft(current, erased)) {
                    return;
                }
                Message tombstone = current.erasedAs(erased, current.nextRevisionAt(clock.now()));
                if (store.revise(current, tombstone)) {
                    store.project(tombstone);
                    events.publish(new ConversationEvent.MessageRevised(tombstone, ConversationEvent.membersOf(group)));
                    done++;
                    total = Math.max(total, done);
                    progress.messagesErased(done, total);
                    return;
                }
                Optional<Message> now = store.message(group.id(), current.id());
                if (now.isEmpty()) {
                    return;
                }
                current = now.get();
            }
            throw ConflictException.messageChanged();
        }
    }
}
