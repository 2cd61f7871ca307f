package com.cruddur.messaging.domain.model;

import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id a client gives a send so that retrying it never stores the message twice (Matrix's
 * transaction id, Stream's client message id). It is the sender's own: two senders may use the same.
 */
public record ClientMessageId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public ClientMessageId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new InvalidInputException(ErrorCode.CLIENT_MESSAGE_ID_INVALID);
        }
    }

    /** From client input: absent when the client sent none; a present but malformed id is refused. */
    public static Optional<ClientMessageId> ofOptional(String value) {
        return value == null ? Optional.empty() : Optional.of(new ClientMessageId(value));
    }

    public static boolean isValid(String value) {
        return value == null || FORM.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
