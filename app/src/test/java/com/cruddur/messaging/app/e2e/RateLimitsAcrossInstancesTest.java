package com.cruddur.messaging.app.e2e;

import static com.cruddur.messaging.app.e2e.Service.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.app.DemoUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rate limits are per instance, as the README says: a user whose sends are spread over two instances gets
 * each instance's limit on each, so up to twice the limit in all — and no more.
 */
class RateLimitsAcrossInstancesTest {
    private static final int BURST = 4;
    private static final int SENDS_PER_INSTANCE = 12;

    @Test
    void eachInstanceEnforcesTheLimitOnItsOwn() {
        Map<String, Object> limit = Map.of("cruddur.rate-limits.sends.per-second", 1, "cruddur.rate-limits.sends.burst", BURST,
                "cruddur.dynamodb.poll-stream", false);
        String londo = tokenOf(DemoUsers.LONDO);
        int[] accepted = new int[2];
        int refilled;
        try (Service first = Service.start("postgres", limit); Service second = Service.start("postgres", limit)) {
            long started = System.nanoTime();
            Service[] instances = {first, second};
            for (int i = 0; i < 2 * SENDS_PER_INSTANCE; i++) {
                int status = instances[i % 2].http().post("/api/messages", londo,
                        "{\"message\":\"spread " + i + "\",\"handle\":\"bayko\"}").statusCode();
                assertThat(status).isIn(200, 429);
                accepted[i % 2] += status == 200 ? 1 : 0;
            }
            refilled = (int) ((System.nanoTime() - started) / 1_000_000_000L);
        }

        assertThat(accepted[0]).as("through the first instance").isBetween(BURST, BURST + refilled);
        assertThat(accepted[1]).as("through the second instance").isBetween(BURST, BURST + refilled);
    }
}
