package com.cruddur.messaging.domain.error;

/**
 * A store could not be reached or did not answer in time. The operation may be retried; it left
 * nothing half-written.
 */
public final class StoreUnavailableException extends MessagingException {
    private final String store;

    public StoreUnavailableException(String store, Throwable cause) {
        super(store + " is unavailable", cause);
        this.store = store;
    }

    public String store() {
        return store;
    }
}
