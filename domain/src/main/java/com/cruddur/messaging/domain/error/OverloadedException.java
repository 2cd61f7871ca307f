package com.cruddur.messaging.domain.error;

/**
 * A store answers, but this instance has no free connection to it within the pool's wait: the instance
 * has more work than it can take at once. Not an outage of the store — the caller retries soon. Like an
 * outage, it leaves nothing half-written (each store's writes are safe to interrupt).
 */
public final class OverloadedException extends MessagingException {
    private final String store;

    public OverloadedException(String store, Throwable cause) {
        super("no free connection to " + store + " in time: this instance is overloaded", cause);
        this.store = store;
    }

    public String store() {
        return store;
    }
}
