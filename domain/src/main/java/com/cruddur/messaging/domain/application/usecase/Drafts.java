package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.out.Clock;
import com.cruddur.messaging.domain.application.port.out.IdSource;
import com.cruddur.messaging.domain.model.ClientMessageId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.MessageText;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.User;
import java.util.Objects;
import java.util.Optional;

/** Stamps a new message with a fresh id and the current time. */
public final class Drafts {
    private final Clock clock;
    private final IdSource ids;

    public Drafts(Clock clock, IdSource ids) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public NewMessage from(User sender, MessageText text, Optional<ClientMessageId> clientId) {
        return new NewMessage(new MessageId(ids.next()), sender.profile(), text, clock.now(), clientId);
    }
}
