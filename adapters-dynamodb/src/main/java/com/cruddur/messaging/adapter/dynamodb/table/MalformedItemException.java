package com.cruddur.messaging.adapter.dynamodb.table;

/** An item in the table that does not have the shape its key promises (e.g. half-written by the original). */
public final class MalformedItemException extends RuntimeException {
    public MalformedItemException(String message) {
        super(message);
    }

    public MalformedItemException(String message, Throwable cause) {
        super(message, cause);
    }
}
