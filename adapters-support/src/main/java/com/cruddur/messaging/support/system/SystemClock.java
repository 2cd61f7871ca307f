package com.cruddur.messaging.support.system;

import com.cruddur.messaging.domain.application.port.out.Clock;
import com.cruddur.messaging.domain.model.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** The machine's clock, held from going back when the system time is stepped back (e.g. by NTP). */
public final class SystemClock implements Clock {
    private final AtomicReference<Timestamp> last = new AtomicReference<>(new Timestamp(Instant.EPOCH));

    @Override
    public Timestamp now() {
        Timestamp reading = new Timestamp(Instant.now());
        return last.accumulateAndGet(reading, Timestamp::latest);
    }
}
