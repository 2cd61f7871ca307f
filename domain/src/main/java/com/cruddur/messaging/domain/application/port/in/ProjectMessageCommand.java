package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.Message;
import java.util.Objects;

public record ProjectMessageCommand(Message stored) {
    public ProjectMessageCommand {
        Objects.requireNonNull(stored, "stored");
    }
}
