package com.cruddur.messaging.domain.application.port.out;

import com.cruddur.messaging.domain.model.Timestamp;

/** The current time in UTC, to the microsecond; successive readings never go back. */
public interface Clock {
    Timestamp now();
}
