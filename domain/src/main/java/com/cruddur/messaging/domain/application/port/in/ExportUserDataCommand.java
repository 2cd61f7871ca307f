package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.Handle;
import java.util.Objects;

/** An operator's request for everything the service holds about the user with this handle. */
public record ExportUserDataCommand(Handle handle) {
    public ExportUserDataCommand {
        Objects.requireNonNull(handle, "handle");
    }

    /** From an operator's input: {@code @name} or {@code name}; a blank one names nobody. */
    public static ExportUserDataCommand of(String handle) {
        String name = handle == null ? "" : handle.strip().replaceFirst("^@", "");
        if (name.isBlank()) {
            throw NotFoundException.user(name);
        }
        return new ExportUserDataCommand(new Handle(name));
    }
}
