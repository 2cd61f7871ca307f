package com.cruddur.messaging.domain.error;

/**
 * The caller may not do this to that user (403): one of them blocks the other. Nothing was changed. Which of them
 * blocks is told only to the one who does ({@code recipient_blocked}); the other learns only that the recipient
 * cannot be reached ({@code recipient_unavailable}).
 */
public final class RefusedException extends MessagingException {
    private final ErrorCode code;

    private RefusedException(ErrorCode code) {
        super("refused: " + code.code());
        this.code = code;
    }

    /** The recipient blocks the sender. */
    public static RefusedException recipientUnavailable() {
        return new RefusedException(ErrorCode.RECIPIENT_UNAVAILABLE);
    }

    /** The sender blocks the recipient: unblocking comes first. */
    public static RefusedException recipientBlocked() {
        return new RefusedException(ErrorCode.RECIPIENT_BLOCKED);
    }

    public ErrorCode code() {
        return code;
    }
}
