package com.cruddur.messaging.domain.error;

/** An event-stream ticket that is unknown, used already or expired. */
public final class TicketRejectedException extends MessagingException {
    public TicketRejectedException() {
        super("event ticket unknown, used or expired");
    }
}
