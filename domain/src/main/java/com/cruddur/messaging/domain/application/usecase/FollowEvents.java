package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.EventSink;
import com.cruddur.messaging.domain.application.port.in.FollowEventsCommand;
import com.cruddur.messaging.domain.application.port.in.FollowEventsUseCase;
import com.cruddur.messaging.domain.application.port.out.Clock;
import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.application.port.out.EventTickets;
import com.cruddur.messaging.domain.error.TicketRejectedException;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import com.cruddur.messaging.domain.model.UserId;
import java.util.Objects;

/** Follows the bus for one user: an event reaches them only if they are in its audience (a member of its group). */
public final class FollowEvents implements FollowEventsUseCase {
    private final Callers callers;
    private final EventTickets tickets;
    private final EventBus bus;
    private final Clock clock;

    public FollowEvents(Callers callers, EventTickets tickets, EventBus bus, Clock clock) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Following follow(FollowEventsCommand command) {
        UserId follower = command.caller().isPresent()
                ? callers.identify(command.caller().get()).id()
                : tickets.redeem(command.ticket().orElseThrow(), clock.now().instant())
                        .orElseThrow(TicketRejectedException::new);
        EventBus.Subscription subscription = bus.subscribe(command.lastEventId(), new OwnEvents(follower, command.sink()));
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
    private record OwnEvents(UserId follower, EventSink sink) implements EventBus.Listener {
        @Override
        public void deliver(DeliveredEvent event) {
            if (event.event().audience().contains(follower)) {
                sink.deliver(event);
            }
        }

        @Override
        public void resync() {
            sink.resync();
        }
    }
}
