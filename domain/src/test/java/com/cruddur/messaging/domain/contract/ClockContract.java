package com.cruddur.messaging.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.application.port.out.Clock;
import com.cruddur.messaging.domain.model.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link Clock} adapter promises. Subclass it once per adapter. */
public abstract class ClockContract {

    protected abstract Clock clock();

    @Test
    void readingsAreUtcToTheMicrosecond() {
        Timestamp now = clock().now();

        assertThat(now.instant().getNano() % 1_000).isZero();
        assertThat(now.format()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");
    }

    @Test
    void successiveReadingsNeverGoBackOnAnyThread() throws Exception {
        Clock clock = clock();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            Callable<Boolean> reader = () -> {
                Timestamp previous = clock.now();
                for (int i = 0; i < 20_000; i++) {
                    Timestamp next = clock.now();
                    if (previous.isAfter(next)) {
                        return false;
                    }
                    previous = next;
                }
                return true;
            };
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(reader));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
