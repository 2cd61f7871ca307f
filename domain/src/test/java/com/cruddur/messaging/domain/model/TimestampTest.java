package com.cruddur.messaging.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampTest {

    @Test
    void writesFixedWidthUtcWithMicroseconds() {
        assertThat(new Timestamp(Instant.parse("2026-03-01T18:04:05Z")).format())
                .isEqualTo("2026-03-01T18:04:05.000000+00:00");
        assertThat(new Timestamp(Instant.parse("2026-03-01T18:04:05.123456789Z")).format())
                .isEqualTo("2026-03-01T18:04:05.123456+00:00");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2026-03-01T18:04:05.123456+00:00, 2026-03-01T18:04:05.123456+00:00",
        "2023-04-12T10:15:30.123-04:00,    2023-04-12T14:15:30.123000+00:00",
        "2023-04-12T10:15:30+05:30,        2023-04-12T04:45:30.000000+00:00",
        "2023-04-12T10:15:30Z,             2023-04-12T10:15:30.000000+00:00",
        "2023-04-12T10:15:30.123456789Z,   2023-04-12T10:15:30.123456+00:00",
        "2023-04-12T10:15:30.5,            2023-04-12T10:15:30.500000+00:00",
    })
    void readsEveryIsoFormTheOriginalStored(String stored, String normalised) {
        assertThat(Timestamp.parse(stored).format()).isEqualTo(normalised);
    }

    @Test
    void refusesTextThatIsNoDateTime() {
        assertThatThrownBy(() -> Timestamp.parse("yesterday")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timestamp.parse("2023")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textOrderIsTimeOrder() {
        Random random = new Random(42);
        List<Timestamp> stamps = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            stamps.add(new Timestamp(Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000))));
        }

        List<Timestamp> byTime = stamps.stream().sorted().toList();
        List<Timestamp> byText = stamps.stream().sorted(Comparator.comparing(Timestamp::format)).toList();

        assertThat(byText).isEqualTo(byTime);
    }

    @Test
    void theNextMicrosecondIsLaterByExactlyOneMicrosecond() {
        Timestamp stamp = Timestamp.parse("2026-12-31T23:59:59.999999+00:00");

        assertThat(stamp.nextMicrosecond().format()).isEqualTo("2027-01-01T00:00:00.000000+00:00");
        assertThat(stamp.nextMicrosecond().isAfter(stamp)).isTrue();
    }
}
