package com.cruddur.messaging.adapter.memory;

import com.cruddur.messaging.domain.application.port.out.EventTickets;
import com.cruddur.messaging.domain.model.EventTicket;
import com.cruddur.messaging.domain.model.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Tickets of one process (the {@code memory} store's deployment is one process). */
public final class InMemoryEventTickets implements EventTickets {
    private record Issued(UserId user, Instant expiresAt) {
    }

    private final Map<String, Issued> tickets = new ConcurrentHashMap<>();

    @Override
    public void issue(String ticket, UserId user, Instant expiresAt) {
        // Forget the expired ones (a ticket is issued valid for a fixed time, so those expired before now).
        Instant now = expiresAt.minus(EventTicket.VALID_FOR);
        tickets.values().removeIf(issued -> !issued.expiresAt().isAfter(now));
        tickets.put(ticket, new Issued(user, expiresAt));
    }

    @Override
    public Optional<UserId> redeem(String ticket, Instant now) {
        return Optional.ofNullable(tickets.remove(ticket)).filter(issued -> now.isBefore(issued.expiresAt()))
                .map(Issued::user);
    }

    @Override
    public int forgetTicketsOf(UserId user) {
        int before = tickets.size();
        tickets.values().removeIf(issued -> issued.user().equals(user));
        return before - tickets.size();
    }
}
