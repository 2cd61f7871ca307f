package com.cruddur.messaging.support.system;

import com.cruddur.messaging.domain.application.port.out.IdSource;
import java.util.UUID;

/** Random (version 4) UUIDs, as the original's {@code uuid.uuid4()}. */
public final class RandomIdSource implements IdSource {
    @Override
    public UUID next() {
        return UUID.randomUUID();
    }
}
