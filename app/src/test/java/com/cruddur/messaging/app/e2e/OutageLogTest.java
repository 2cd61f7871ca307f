package com.cruddur.messaging.app.e2e;

import static com.cruddur.messaging.app.e2e.Service.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.AppenderBase;
import com.cruddur.messaging.app.Application;
import com.cruddur.messaging.app.DemoUsers;
import com.cruddur.messaging.app.Http;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * An outage as an operator reads it: with the service's own log configuration, a 10 s outage of either
 * store under load writes fewer than 50 lines (stack trace lines counted) — one when the store goes,
 * naming it and its endpoint, one when it is back — however many requests fail meanwhile.
 */
@Tag("long") // CI runs it; the README's test command leaves it out (README, Tests)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutageLogTest {
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final int MOST_LINES = 50;
    /** The engines run in this JVM for the test; in a deployment they are processes of their own. */
    private static final List<String> ENGINE_LOGGERS = List.of("io.zonky", "com.amazonaws", "org.eclipse.jetty",
            "com.almworks", "com.cruddur.messaging.app.e2e");

    private final String andrew = tokenOf(DemoUsers.ANDREW);
    private Service service;
    private Http http;
    private String group;

    @BeforeAll
    void start() {
        service = Service.start("dynamodb", Map.of(
                "cruddur.dynamodb.attempt-timeout", "500ms",
                "cruddur.dynamodb.call-timeout", "1500ms",
                "cruddur.dynamodb.max-attempts", 2));
        http = service.http();
        group = Http.extract(http.post("/api/messages", andrew, "{\"message\":\"hello\",\"handle\":\"bayko\"}").body(),
                "\"message_group_uuid\":\"([^\"]+)\"");
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void aDynamoDbOutageUnderLoadIsAFewLinesNamingTheStoreAndItsEndpoint() throws Exception {
        Outage outage = underLoad(EngineProvider.ENGINES::stopDynamoDb, EngineProvider.ENGINES::startDynamoDb);

        // A stopped engine refuses at once; a paused container (-De2e.engines=containers) lets each call wait out
        // its timeouts (two 500 ms attempts), so that run sees fewer requests fail.
        assertThat(outage.failedRequests()).as("requests answered 503 during the outage").isGreaterThan(20);
        assertThat(outage.lines()).as("log lines of the outage:\n%s", outage.text()).isLessThan(MOST_LINES);
        assertThat(outage.text()).contains("WARN DynamoDB at " + EngineProvider.ENGINES.dynamoDbEndpoint() + " is unavailable")
                .contains("INFO DynamoDB at " + EngineProvider.ENGINES.dynamoDbEndpoint() + " answers again after");
    }

    @Test
    void aPostgresOutageUnderLoadIsAFewLinesNamingTheStoreAndItsEndpoint() throws Exception {
        Outage outage = underLoad(EngineProvider.ENGINES::stopPostgres, EngineProvider.ENGINES::startPostgres);

        // Fewer than on DynamoDB: each waits up to the pool's connection timeout (1 s here) before its 503.
        assertThat(outage.failedRequests()).as("requests answered 503 during the outage").isGreaterThan(10);
        assertThat(outage.lines()).as("log lines of the outage:\n%s", outage.text()).isLessThan(MOST_LINES);
        assertThat(outage.text()).contains("WARN PostgreSQL at " + EngineProvider.ENGINES.jdbcUrl() + " is unavailable")
                .contains("INFO PostgreSQL at " + EngineProvider.ENGINES.jdbcUrl() + " answers again after");
    }

    private record Outage(int failedRequests, int lines, String text) {
    }

    /**
     * Sends, lists and looks up profiles from four clients without pause while the engine is stopped for
     * {@link #OUTAGE}, then started again; the log is read from the stop until the service answers again.
     */
    private Outage underLoad(Runnable stopEngine, Runnable startEngine) throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Lines lines = new Lines();
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger failed = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            useTheServicesOwnLogConfiguration(logging, lines);
            stopEngine.run();
            List<Supplier<Integer>> requests = List.of(
                    () -> http.post("/api/messages", andrew, "{\"message\":\"in the outage\",\"message_group_uuid\":\"" + group
                            + "\"}").statusCode(),
                    () -> http.get("/api/message_groups", andrew).statusCode(),
                    () -> http.get("/api/users/@bayko/short", andrew).statusCode(),
                    () -> http.get("/api/messages/" + group, andrew).statusCode());
            for (Supplier<Integer> request : requests) {
                clients.submit(() -> {
                    while (loading.get()) {
                        if (request.get() == 503) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            Thread.sleep(OUTAGE.toMillis());
            startEngine.run();
            http.await("/api/users/@bayko/short", andrew, body -> true);
            http.await("/api/message_groups", andrew, body -> true);
            loading.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(1_000); // the stream poller's and event listener's next rounds
        } finally {
            loading.set(false);
            clients.shutdownNow();
            logging.reset();
            new ContextInitializer(logging).autoConfig();
        }
        Outage outage = new Outage(failed.get(), lines.count(), lines.text());
        System.out.printf("[outage] %d requests answered 503, %d log lines:%n%s%n", outage.failedRequests(), outage.lines(),
                outage.text());
        return outage;
    }

    private static void useTheServicesOwnLogConfiguration(LoggerContext logging, Lines lines) throws Exception {
        logging.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logging);
        configurator.doConfigure(Application.class.getResource("/logback.xml"));
        ch.qos.logback.classic.Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders(); // only counted, not printed
        lines.setContext(logging);
        lines.start();
        root.addAppender(lines);
    }

    /** Each event the service logs, as the lines it prints: its message's and its stack trace's. */
    private static final class Lines extends AppenderBase<ILoggingEvent> {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            if (ENGINE_LOGGERS.stream().anyMatch(event.getLoggerName()::startsWith)) {
                return;
            }
            String text = event.getLevel() + " " + event.getFormattedMessage();
            if (event.getThrowableProxy() != null) {
                text += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
            }
            lines.addAll(text.lines().toList());
        }

        int count() {
            return lines.size();
        }

        String text() {
            return String.join("\n", lines);
        }
    }
}
