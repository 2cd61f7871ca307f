package com.cruddur.messaging.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.application.port.out.EventTickets;
import com.cruddur.messaging.domain.model.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventTickets} adapter promises. Subclass it once per adapter; {@link #tickets} may hand out two
 * views of one store (two instances sharing it), and may be shared by all tests: each makes up its own users and tickets.
 */
public abstract class EventTicketsContract {

    /** The tickets as an instance sees them; called twice, the two answers are two instances of one deployment. */
    protected abstract EventTickets tickets();

    private final EventTickets here = tickets();
    private final EventTickets elsewhere = tickets();
    private final Instant now = Instant.now();

    @Test
    void aTicketIsRedeemedOnceAnywhereAndOnlyBeforeItExpires() {
        UserId user = new UserId(UUID.randomUUID());
        String ticket = newTicket();
        String expiring = newTicket();
        here.issue(ticket, user, now.plusSeconds(60));
        here.issue(expiring, user, now.plusSeconds(60));

        assertThat(elsewhere.redeem(ticket, now)).contains(user);
        assertThat(here.redeem(ticket, now)).isEmpty();
        assertThat(elsewhere.redeem(expiring, now.plusSeconds(61))).isEmpty();
        assertThat(here.redeem(expiring, now)).as("used up by the late attempt").isEmpty();
        assertThat(here.redeem("never-issued-" + UUID.randomUUID(), now)).isEmpty();
    }

    @Test
    void aUsersTicketsAreForgottenAndNoOneElses() {
        UserId erased = new UserId(UUID.randomUUID());
        UserId other = new UserId(UUID.randomUUID());
        String first = newTicket();
        String second = newTicket();
        String others = newTicket();
        here.issue(first, erased, now.plusSeconds(60));
        elsewhere.issue(second, erased, now.plusSeconds(60));
        here.issue(others, other, now.plusSeconds(60));

        assertThat(elsewhere.forgetTicketsOf(erased)).isEqualTo(2);

        assertThat(here.redeem(first, now)).isEmpty();
        assertThat(here.redeem(second, now)).isEmpty();
        assertThat(here.redeem(others, now)).contains(other);
        assertThat(here.forgetTicketsOf(erased)).isZero();
    }

    private static String newTicket() {
        return "ticket-" + UUID.randomUUID();
    }
}
