package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.EventTicket;

/** A one-use ticket for the caller's own event stream, valid {@link EventTicket#VALID_FOR}. */
public interface IssueEventTicketUseCase {
    EventTicket issueEventTicket(CognitoUserId caller);
}
