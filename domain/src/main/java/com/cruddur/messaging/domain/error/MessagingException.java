package com.cruddur.messaging.domain.error;

/** Every failure a use case reports on purpose. Driving adapters map each kind to one response. */
public abstract sealed class MessagingException extends RuntimeException
        permits InvalidInputException, ConflictException, NotFoundException, RefusedException, TicketRejectedException,
        UnregisteredCallerException, StoreUnavailableException, OverloadedException {

    protected MessagingException(String message) {
        super(message);
    }

    protected MessagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
