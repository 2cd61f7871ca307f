package com.cruddur.messaging.domain.model;

import com.cruddur.messaging.domain.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The text of a new message: trimmed, never blank, at most {@value #MAX_CODE_POINTS} code points,
 * and without NUL characters, which no text column (PostgreSQL's included) can hold.
 */
public record MessageText(String value) {
    public static final int MAX_CODE_POINTS = 1024;

    public MessageText {
        Optional<ErrorCode> problem = problemOf(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get().code());
        }
    }

    /** Trims client input and accepts it, or names what is wrong with it. */
    public static Optional<ErrorCode> problemOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(ErrorCode.MESSAGE_BLANK);
        }
        if (raw.indexOf('\0') >= 0) {
            return Optional.of(ErrorCode.MESSAGE_INVALID_CHARACTERS);
        }
        String trimmed = raw.strip();
        // Counted in code points so that an emoji counts as one character, as the original's Python len() did.
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_CODE_POINTS) {
            return Optional.of(ErrorCode.MESSAGE_EXCEED_MAX_CHARS);
        }
        return Optional.empty();
    }

    public static List<ErrorCode> problemsOf(String raw) {
        return problemOf(raw).stream().toList();
    }

    /** @throws IllegalArgumentException when {@link #problemOf} names a problem */
    public static MessageText of(String raw) {
        return new MessageText(raw == null ? null : raw.strip());
    }

    /**
     * The text's SHA-256 (Base64): what a store keeps of a named send to tell its retry from a reuse of its
     * id, so that no copy of the text outlives the message's edit or deletion.
     */
    public String digest() {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
