package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.EventSink;
import com.cruddur.messaging.domain.application.port.in.FollowEventsCommand;
import com.cruddur.messaging.domain.application.port.in.FollowEventsUseCase;
import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.application.port.out.Clock;
import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.application.port.out.EventTickets;
import com.cruddur.messaging.domain.error.TicketRejectedException;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import com.cruddur.messaging.domain.model.UserId;
import java.util.Objects;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows the bus for one user: an event reaches them only if they are in its audience (a member of its group) and
 * was not caused by a user they block. Whom they block is read when they start following, then kept up to date from
 * the bus's {@link ConversationEvent.BlockChanged} events (the filter runs on the bus's thread: it must not block
 * on a store).
 */
public final class FollowEvents implements FollowEventsUseCase {
    private final Callers callers;
    private final EventTickets tickets;
    private final EventBus bus;
    private final Blocks blocks;
    private final Clock clock;

    public FollowEvents(Callers callers, EventTickets tickets, EventBus bus, Blocks blocks, Clock clock) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Following follow(FollowEventsCommand command) {
        UserId follower = command.caller().isPresent()
                ? callers.identify(command.caller().get()).id()
                : tickets.redeem(command.ticket().orElseThrow(), clock.now().instant())
                        .orElseThrow(TicketRejectedException::new);
        Blocked blocked = new Blocked(blocks.blockedBy(follower));
        EventBus.Subscription subscription = bus.subscribe(command.lastEventId(), new OwnEvents(follower, blocked,
                command.sink()));
        blocked.readAgain(blocks.blockedBy(follower));
        return new Following() {
            @Override
            public UserId follower() {
                return follower;
            }

            @Override
            public void close() {
                subscription.close();
            }
        };
    }

    /** The follower's share of the bus. */
    private record OwnEvents(UserId follower, Blocked blocked, EventSink sink) implements EventBus.Listener {
        @Override
        public void deliver(DeliveredEvent delivered) {
            ConversationEvent event = delivered.event();
            if (!event.audience().contains(follower)) {
                return;
            }
            if (event instanceof ConversationEvent.BlockChanged change) {
                blocked.change(change);
            } else if (event instanceof ConversationEvent.AccountErased) {
                sink.resync(); // the stream ends: the follower's account is no more
            } else if (!blocked.contains(event.cause())) {
                sink.deliver(delivered);
            }
        }

        @Override
        public void resync() {
            sink.resync();
        }
    }

    /**
     * Whom the follower blocks, as the stream goes: read before it opens, then changed by the bus's block changes.
     * A change made between that read and the subscription would never arrive, so the list is read again once the
     * stream is open, and the changes that arrived meanwhile are applied again on top, in their order (each sets
     * one user's state, so the last one for a user wins, as it did in the store).
     */
    private static final class Blocked {
        private final Set<UserId> users;
        private List<ConversationEvent.BlockChanged> sinceOpened = new ArrayList<>(); // null once read again

        Blocked(List<UserId> read) {
            this.users = new HashSet<>(read);
        }

        synchronized void readAgain(List<UserId> read) {
            users.clear();
            users.addAll(read);
            sinceOpened.forEach(this::apply);
            sinceOpened = null;
        }

        synchronized void change(ConversationEvent.BlockChanged change) {
            apply(change);
            if (sinceOpened != null) {
                sinceOpened.add(change);
            }
        }

        synchronized boolean contains(UserId user) {
            return users.contains(user);
        }

        private void apply(ConversationEvent.BlockChanged change) {
            if (change.blocking()) {
                users.add(change.blocked());
            } else {
                users.remove(change.blocked());
            }
        }
    }
}
