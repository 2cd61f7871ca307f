package com.cruddur.messaging.domain.error;

import java.util.List;

/** The client's input breaks a rule; nothing was changed. Carries every problem found, not just the first. */
public final class InvalidInputException extends MessagingException {
    private final List<ErrorCode> codes;

    public InvalidInputException(List<ErrorCode> codes) {
        super("invalid input: " + codes);
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one problem");
        }
        this.codes = List.copyOf(codes);
    }

    public InvalidInputException(ErrorCode code) {
        this(List.of(code));
    }

    public List<ErrorCode> codes() {
        return codes;
    }

    public static void throwIfAny(List<ErrorCode> codes) {
        if (!codes.isEmpty()) {
            throw new InvalidInputException(codes);
        }
    }
}
