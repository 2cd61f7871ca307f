package com.cruddur.messaging.adapter.dynamodb;

/** An item in the table that does not have the shape its key promises (e.g. half-written by the original). */
final class MalformedItemException extends RuntimeException {
    MalformedItemException(String message) {
        super(message);
    }

    MalformedItemException(String message, Throwable cause) {
        super(message, cause);
    }
}
