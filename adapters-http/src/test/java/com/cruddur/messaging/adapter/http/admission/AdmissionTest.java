package com.cruddur.messaging.adapter.http.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    @Test
    void theLimitIsLetInTheNextWaitAndThoseOverTheLineAreTurnedAwayAtOnce() {
        try (Admission admission = Admission.fixed(2, Duration.ofSeconds(30))) {
            Admission.Place first = placeOf(admission.enter());
            placeOf(admission.enter());
            CompletableFuture<Optional<Admission.Place>> waiting = admission.enter();
            CompletableFuture<Optional<Admission.Place>> behind = admission.enter();
            assertThat(waiting).isNotDone();
            assertThat(admission.enter()).as("the line is as long as the limit").isCompletedWithValue(Optional.empty());

            admission.leave(first, true);
            assertThat(waiting.join()).isPresent();
            assertThat(behind).isNotDone();
            assertThat(admission.inHand()).isEqualTo(2);
            assertThat(admission.turnedAway()).isEqualTo(1);
        }
    }

    /**
     * A freshly started instance, idle, takes a burst up to its maximum at once: its first requests are slow (the JIT
     * is cold), and a burst kept waiting behind a lower starting limit outlived the patience (4 of 20 concurrent first
     * sends were answered 503 on an idle instance).
     */
    @Test
    void anIdleInstanceLetsInABurstUpToItsMaximumAtOnce() {
        try (Admission admission = Admission.adaptive(32, Duration.ofMillis(50))) {
            List<CompletableFuture<Optional<Admission.Place>>> burst = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                burst.add(admission.enter());
            }

            assertThat(burst).allSatisfy(place -> assertThat(place).isCompletedWithValueMatching(Optional::isPresent));
            assertThat(admission.inHand()).isEqualTo(32);
            assertThat(admission.enter()).as("the next one waits in line").isNotDone();
        }
    }

    @Test
    void whoWaitsLongerThanThePatienceIsTurnedAway() throws Exception {
        try (Admission admission = Admission.fixed(1, Duration.ofMillis(20))) {
            Admission.Place first = placeOf(admission.enter());
            CompletableFuture<Optional<Admission.Place>> waiting = admission.enter();

            assertThat(waiting.get(5, TimeUnit.SECONDS)).isEmpty();
            assertThat(admission.turnedAway()).isEqualTo(1);
            admission.leave(first, true);
            assertThat(admission.inHand()).isZero();
        }
    }

    @Test
    void aWithdrawnWaiterPassesOnThePlaceItWasGiven() {
        try (Admission admission = Admission.fixed(2, Duration.ofSeconds(30))) {
            Admission.Place first = placeOf(admission.enter());
            placeOf(admission.enter());
            CompletableFuture<Optional<Admission.Place>> cancelled = admission.enter();
            CompletableFuture<Optional<Admission.Place>> next = admission.enter();
            admission.leave(first, true);
            assertThat(cancelled.join()).isPresent();

            admission.withdraw(cancelled);

            assertThat(next.join()).isPresent();
            assertThat(admission.inHand()).isEqualTo(2);
        }
    }

    @Test
    void underContentionTheAdaptiveLimitNeverLetsMoreThanTheMaximumInAndEveryPlaceComesBack() throws Exception {
        int maximum = 4;
        AtomicInteger inHand = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try (Admission admission = Admission.adaptive(maximum, Duration.ofMillis(5))) {
            List<CompletableFuture<Void>> requests = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                requests.add(admission.enter().thenAcceptAsync(place -> place.ifPresent(admitted -> {
                    most.accumulateAndGet(inHand.incrementAndGet(), Math::max);
                    Thread.onSpinWait();
                    inHand.decrementAndGet();
                    admission.leave(admitted, true);
                }), threads));
            }
            CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertThat(most.get()).isBetween(1, maximum);
            assertThat(admission.inHand()).isZero();
            assertThat(admission.limit()).isBetween(1, maximum);
        } finally {
            threads.shutdown();
        }
    }

    private static Admission.Place placeOf(CompletableFuture<Optional<Admission.Place>> entry) {
        return entry.join().orElseThrow(() -> new AssertionError("turned away"));
    }
}
