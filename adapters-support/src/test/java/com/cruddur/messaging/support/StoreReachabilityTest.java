package com.cruddur.messaging.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StoreReachabilityTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final StoreReachability dynamoDb = new StoreReachability("DynamoDB", "http://127.0.0.1:8000",
            Duration.ofSeconds(10), now::get, shuttingDown::get);
    private final RuntimeException refused = new IllegalStateException("Unable to execute HTTP request",
            new ConnectException("Connection refused"));

    @Test
    void anOutageOfManyFailedCallsIsALineWhenItStartsASummaryEveryTenSecondsAndALineWhenItEnds() {
        List<String> lines = new ArrayList<>();
        for (int call = 0; call < 1_000; call++) {
            now.addAndGet(Duration.ofMillis(15).toNanos());
            dynamoDb.failed(refused).ifPresent(lines::add);
        }
        dynamoDb.answered().ifPresent(lines::add);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("DynamoDB at http://127.0.0.1:8000 is unavailable"
                + " (ConnectException: Connection refused); calls to it fail until it answers again");
        assertThat(lines.get(1)).isEqualTo("DynamoDB at http://127.0.0.1:8000 still unavailable after 10.0 s:"
                + " 667 failed calls in the last 10.0 s (ConnectException: Connection refused)");
        assertThat(lines.get(2)).isEqualTo("DynamoDB at http://127.0.0.1:8000 answers again after 15.0 s"
                + " (1000 calls failed meanwhile)");
    }

    @Test
    void callsThatGetAnswersSayNothing() {
        assertThat(dynamoDb.answered()).isEmpty();
        dynamoDb.failed(refused);
        assertThat(dynamoDb.answered()).isPresent();
        assertThat(dynamoDb.answered()).isEmpty();
    }

    @Test
    void aSecondOutageIsReportedAfreshWithItsOwnCount() {
        dynamoDb.failed(refused);
        dynamoDb.failed(refused);
        dynamoDb.answered();
        Optional<String> again = dynamoDb.failed(refused);

        assertThat(again).get().asString().contains("is unavailable");
        assertThat(dynamoDb.answered()).get().asString().endsWith("(1 calls failed meanwhile)");
    }

    @Test
    void itIsReachableUntilACallFailsAndAgainOnceOneIsAnswered() {
        assertThat(dynamoDb.reachable()).isTrue();

        dynamoDb.failed(refused);
        boolean duringTheOutage = dynamoDb.reachable();
        dynamoDb.answered();

        assertThat(duringTheOutage).isFalse();
        assertThat(dynamoDb.reachable()).isTrue();
    }

    @Test
    void aMultiLineOrLongCauseIsCutToOneLine() {
        String longLine = "x".repeat(500);
        String line = dynamoDb.failed(new RuntimeException("first line\nsecond " + longLine)).orElseThrow();

        assertThat(line).contains("(RuntimeException: first line)").doesNotContain("second");
        assertThat(new StoreReachability("PostgreSQL", "jdbc:postgresql://db:5432/cruddur").failed(new RuntimeException(longLine))
                .orElseThrow()).contains("x".repeat(170) + "...").doesNotContain("x".repeat(200));
    }

    @Test
    void aStoreThatStopsAnsweringWhileTheJvmShutsDownIsNoOutage() {
        shuttingDown.set(true);

        assertThat(dynamoDb.failed(refused)).isEmpty();
        assertThat(dynamoDb.answered()).as("nor was it ever away").isEmpty();
    }
}
