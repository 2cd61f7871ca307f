package com.cruddur.messaging.domain.application.port.out;

import java.util.UUID;

/** New ids for groups and messages; never the same twice. */
public interface IdSource {
    UUID next();
}
