package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.IssueEventTicketUseCase;
import com.cruddur.messaging.domain.application.port.out.Clock;
import com.cruddur.messaging.domain.application.port.out.EventTickets;
import com.cruddur.messaging.domain.application.port.out.IdSource;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.EventTicket;
import com.cruddur.messaging.domain.model.User;
import java.util.Objects;

public final class IssueEventTicket implements IssueEventTicketUseCase {
    private final Callers callers;
    private final EventTickets tickets;
    private final IdSource ids;
    private final Clock clock;

    public IssueEventTicket(Callers callers, EventTickets tickets, IdSource ids, Clock clock) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The ticket is two random UUIDs (244 random bits): unguessable within its minute. */
    @Override
    public EventTicket issueEventTicket(CognitoUserId caller) {
        User user = callers.identify(caller);
        String value = ids.next().toString().replace("-", "") + ids.next().toString().replace("-", "");
        tickets.issue(value, user.id(), clock.now().instant().plus(EventTicket.VALID_FOR));
        return new EventTicket(value, EventTicket.VALID_FOR);
    }
}
