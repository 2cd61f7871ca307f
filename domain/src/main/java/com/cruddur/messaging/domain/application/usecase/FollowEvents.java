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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows the bus for one user: an event reaches them only if they are in its audience (a member of its group) and
 * was not caused by a user they block. Whom they block is read when they start following, then kept up to date from
 * the bus's {@link ConversationEvent.BlockChanged} events (the filter runs on the bus's thread: it must not block).
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
        Set<UserId> blocked = ConcurrentHashMap.newKeySet();
        blocked.addAll(blocks.blockedBy(follower));
        EventBus.Subscription subscription = bus.subscribe(command.lastEventId(), new OwnEvents(follower, blocked,
                command.sink()));
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
    private record OwnEvents(UserId follower, Set<UserId> blocked, EventSink sink) implements EventBus.Listener {
        @Override
        public void deliver(DeliveredEvent delivered) {
            ConversationEvent event = delivered.event();
            if (!event.audience().contains(follower)) {
                return;
            }
            if (event instanceof ConversationEvent.BlockChanged change) {
                if (change.blocking()) {
                    blocked.add(change.blocked());
                } else {
                    blocked.remove(change.blocked());
                }
            } else if (!blocked.contains(event.cause())) {
                sink.deliver(delivered);
            }
        }

        @Override
        public void resync() {
            sink.resync();
        }
    }
}
