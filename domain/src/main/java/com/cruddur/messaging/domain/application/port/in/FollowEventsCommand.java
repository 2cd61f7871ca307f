package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.CognitoUserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens the caller's event stream: the caller is named by a verified token or by a ticket (exactly one),
 * and may resume after the last event it received.
 */
public record FollowEventsCommand(Optional<CognitoUserId> caller, Optional<String> ticket, Optional<String> lastEventId,
                                  EventSink sink) {
    public FollowEventsCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(lastEventId, "lastEventId");
        Objects.requireNonNull(sink, "sink");
        if (caller.isPresent() == ticket.isPresent()) {
            throw new IllegalArgumentException("a caller or a ticket, not both");
        }
    }
}
