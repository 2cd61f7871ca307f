package com.cruddur.messaging.domain.error;

/**
 * The request contradicts one made before (the same client message id for another send, an edit of a deleted
 * message); nothing was changed.
 */
public final class ConflictException extends MessagingException {
    private final ErrorCode code;

    public ConflictException(ErrorCode code) {
        super("conflict: " + code.code());
        this.code = code;
    }

    public static ConflictException clientMessageIdReused() {
        return new ConflictException(ErrorCode.CLIENT_MESSAGE_ID_REUSED);
    }

    public static ConflictException messageDeleted() {
        return new ConflictException(ErrorCode.MESSAGE_DELETED);
    }

    /** Revised by other requests again and again while this one tried: the client may try again. */
    public static ConflictException messageChanged() {
        return new ConflictException(ErrorCode.MESSAGE_CHANGED);
    }

    public ErrorCode code() {
        return code;
    }
}
