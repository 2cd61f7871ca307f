package com.cruddur.messaging.domain.error;

/** The request contradicts one made before (the same client message id for another send); nothing was changed. */
public final class ConflictException extends MessagingException {
    private final ErrorCode code;

    public ConflictException(ErrorCode code) {
        super("conflict: " + code.code());
        this.code = code;
    }

    public static ConflictException clientMessageIdReused() {
        return new ConflictException(ErrorCode.CLIENT_MESSAGE_ID_REUSED);
    }

    public ErrorCode code() {
        return code;
    }
}
