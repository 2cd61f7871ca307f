package com.cruddur.messaging.domain.application.port.out;

import com.cruddur.messaging.domain.model.UserId;
import java.time.Instant;
import java.util.Optional;

/** One-use tickets to open an event stream, shared by every instance (a client may redeem it on another). */
public interface EventTickets {

    void issue(String ticket, UserId user, Instant expiresAt);

    /** The ticket's user, if it exists and has not expired at {@code now}; either way it is used up. */
    Optional<UserId> redeem(String ticket, Instant now);

    /** Forgets every ticket issued to the user, unused or not (their data is being erased); returns how many. */
    int forgetTicketsOf(UserId user);
}
