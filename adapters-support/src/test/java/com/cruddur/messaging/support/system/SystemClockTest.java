package com.cruddur.messaging.support.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.application.port.out.Clock;
import com.cruddur.messaging.domain.contract.ClockContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SystemClockTest extends ClockContract {

    @Override
    protected Clock clock() {
        return new SystemClock();
    }

    @Test
    void readsTheMachineTime() {
        Instant reading = new SystemClock().now().instant();

        assertThat(Duration.between(reading, Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
    }
}
