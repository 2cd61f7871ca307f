package com.cruddur.messaging.domain.error;

import java.util.Locale;

/**
 * The thing does not exist for this caller. A group the caller is not a member of is reported the
 * same way as a group that does not exist, so that group ids cannot be probed.
 */
public final class NotFoundException extends MessagingException {
    /** What was looked for. */
    public enum Kind { MESSAGE_GROUP, MESSAGE, USER }

    private final Kind kind;

    private NotFoundException(Kind kind, String what) {
        super(kind.name().toLowerCase(Locale.ROOT) + " not found: " + what);
        this.kind = kind;
    }

    public static NotFoundException messageGroup(String id) {
        return new NotFoundException(Kind.MESSAGE_GROUP, id);
    }

    public static NotFoundException message(String id) {
        return new NotFoundException(Kind.MESSAGE, id);
    }

    public static NotFoundException user(String handle) {
        return new NotFoundException(Kind.USER, handle);
    }

    public Kind kind() {
        return kind;
    }
}
