package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.cruddur.messaging.domain.model.User;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The access log: a line per request with method, route template, status and latency, and nothing a client sent. */
@MicronautTest
@Property(name = "cruddur.access-log.enabled", value = "true")
class AccessLogTest extends HttpTest {
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger accessLogger = (Logger) LoggerFactory.getLogger("cruddur.access");

    private Level levelBefore;

    @BeforeEach
    void listen() {
        lines.start();
        levelBefore = accessLogger.getLevel();
        // The tests' logging configuration keeps INFO quiet.
        accessLogger.setLevel(Level.INFO);
        accessLogger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        accessLogger.detachAppender(lines);
        accessLogger.setLevel(levelBefore);
    }

    @Test
    void eachRequestIsOneLineWithItsRouteStatusAndLatencyAndNoSecrets() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        String token = tokenOf(alice);
        String group = extract(api().post("/api/messages", token,
                "{\"message\":\"a secret text\",\"handle\":\"" + bob.handle() + "\"}").body(), "\"message_group_uuid\":\"(" + UUID + ")\"");
        api().get("/api/messages/" + group, token);
        api().get("/api/messages/" + group, tokenOf(newUser("carol")));

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (lines.list.size() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        List<Map<String, String>> logged = List.copyOf(lines.list).stream().map(AccessLogTest::pairs).toList();
        assertThat(logged).contains(
                Map.of("method", "POST", "route", "/api/messages", "status", "200"),
                Map.of("method", "GET", "route", "/api/messages/{message_group_uuid}", "status", "200"),
                Map.of("method", "GET", "route", "/api/messages/{message_group_uuid}", "status", "404"));
        assertThat(lines.list).allSatisfy(line -> {
            assertThat(line.getKeyValuePairs()).anySatisfy(pair -> assertThat(pair.key).isEqualTo("latency_ms"));
            assertThat(line.getFormattedMessage()).doesNotContain("secret", token, group, alice.handle().value());
        });
    }

    /** The line's pairs but its latency, which varies. */
    private static Map<String, String> pairs(ILoggingEvent line) {
        return line.getKeyValuePairs().stream().filter(pair -> !"latency_ms".equals(pair.key))
                .collect(Collectors.toMap(pair -> pair.key, pair -> String.valueOf(pair.value)));
    }
}
