package com.cruddur.messaging.domain.application.port.in;

/** A member has read a conversation up to a message: their marker moves there, never back. Members only. */
public interface MarkGroupReadUseCase {
    void markGroupRead(MarkGroupReadCommand command);
}
