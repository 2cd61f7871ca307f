package com.cruddur.messaging.app.cli;

/**
 * A command that cannot do what was asked for a reason its user can act on: the message says what
 * and what to do, the status is one of {@link CommandFailures}' exit statuses.
 */
final class CommandException extends RuntimeException {
    private final int status;

    CommandException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
