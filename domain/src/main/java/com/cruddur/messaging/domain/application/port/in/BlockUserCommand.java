package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import java.util.Objects;

/** The caller blocks, or unblocks, the user with this handle (any case). */
public record BlockUserCommand(CognitoUserId caller, Handle handle) {
    public BlockUserCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(handle, "handle");
    }

    /** From a request path: a blank handle names nobody, so it is not found. */
    public static BlockUserCommand of(CognitoUserId caller, String handle) {
        if (handle == null || handle.isBlank()) {
            throw NotFoundException.user(String.valueOf(handle));
        }
        return new BlockUserCommand(caller, new Handle(handle.strip()));
    }
}
