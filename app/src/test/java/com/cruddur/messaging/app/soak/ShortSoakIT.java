package com.cruddur.messaging.app.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A short fault soak of each store, both at once (a little over a minute): every later change is soaked a
 * little. The long runs are a command (README, docs/reliability.md). A violation fails the build with the
 * checker's report above it; the run's history and logs stay in the directory it names.
 */
class ShortSoakIT {
    private static final Duration LENGTH = Duration.ofSeconds(30);
    private static final long SEED = 42;

    @Test
    void bothStoresHoldEveryInvariantUnderFaults() {
        Path jar = Path.of(System.getProperty("service.jar", "target/cruddur-messaging.jar")).toAbsolutePath();
        CompletableFuture<Soak.Result> dynamoDb = CompletableFuture.supplyAsync(() -> soak("dynamodb", jar));
        CompletableFuture<Soak.Result> postgres = CompletableFuture.supplyAsync(() -> soak("postgres", jar));

        for (Soak.Result result : new Soak.Result[] {dynamoDb.join(), postgres.join()}) {
            System.out.println(result.report() + result.line());
            assertThat(result.violations()).as(result.line() + "; history in " + result.directory() + "\n" + result.report())
                    .isZero();
            assertThat(result.faults()).as("faults injected").isGreaterThanOrEqualTo(3);
            assertThat(result.acknowledged()).as("sends acknowledged").isGreaterThan(100);
        }
    }

    private static Soak.Result soak(String store, Path jar) {
        try {
            return Soak.run(store, LENGTH, SEED, jar);
        } catch (Exception e) {
            throw new IllegalStateException("the " + store + " soak did not run", e);
        }
    }
}
