package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.Handle;
import java.util.Objects;

/**
 * An operator's request to erase everything the service holds about the user with this handle; with {@code dryRun},
 * only to say what that would change.
 */
public record EraseUserDataCommand(Handle handle, boolean dryRun) {
    public EraseUserDataCommand {
        Objects.requireNonNull(handle, "handle");
    }

    /** From an operator's input: {@code @name} or {@code name}; a blank one names nobody. */
    public static EraseUserDataCommand of(String handle, boolean dryRun) {
        return new EraseUserDataCommand(ExportUserDataCommand.of(handle).handle(), dryRun);
    }
}
