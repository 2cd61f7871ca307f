package com.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.app.OtlpReceiver.ReceivedSpan;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With tracing on, the service exports over OTLP (to a stand-in collector on 127.0.0.1): one trace per request
 * from its server span through the use case to every DynamoDB call and JDBC statement, the stream consumer's
 * projections too, and never a message's text or a token; production's log lines name the trace they belong to.
 */
class TracesTest {
    private static final String SECRET_TEXT = "the text nobody may see in a trace 8d1f";
    private static final String PROJECTION = "ProjectMessageUseCase.projectMessage";
    private static OtlpReceiver collector;
    private static EmbeddedServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        collector = OtlpReceiver.keeping();
        Map<String, Object> settings = TestEngines.settings("dynamodb", "postgres");
        settings.putAll(tracingTo(collector));
        settings.put("cruddur.access-log.enabled", true);
        server = ApplicationContext.run(EmbeddedServer.class, settings, "dev", "test");
        http = new Http(server.getURI());
    }

    /** What an operator sets (as OTEL_* variables) to export to a collector, and the launcher's switch. */
    static Map<String, Object> tracingTo(OtlpReceiver receiver) {
        return Map.of("micronaut.otel.enabled", true,
                "otel.traces.exporter", "otlp",
                "otel.exporter.otlp.traces.endpoint", receiver.tracesEndpoint(),
                "otel.bsp.schedule.delay", "50");
    }

    @AfterAll
    static void stop() {
        server.close();
        collector.close();
    }

    @Test
    void aSendIsOneTraceFromItsServerSpanThroughTheUseCaseToDynamoDbAndTheCallerLookup() {
        String londo = http.devToken("londo");
        assertThat(http.post("/api/messages", londo, "{\"message\":\"traced\",\"handle\":\"bayko\"}").statusCode())
                .isEqualTo(200);

        ReceivedSpan request = await(span -> span.kind() == SpanKind.SPAN_KIND_SERVER
                && "/api/messages".equals(span.attributes().get("http.route")));
        assertThat(request.isRoot()).isTrue();
        assertThat(request.name()).isEqualTo("POST /api/messages");
        Trace trace = await(request.traceId(), spans -> spans.stream().anyMatch(this::isPutItem)
                && spans.stream().anyMatch(this::isStatement));

        ReceivedSpan useCase = trace.only(span -> span.name().equals("SendMessageToHandleUseCase.sendToHandle"));
        assertThat(useCase.parentSpanId()).isEqualTo(request.spanId());
        ReceivedSpan put = trace.first(this::isPutItem);
        assertThat(trace.descends(put, useCase)).as("PutItem under the use case").isTrue();
        assertThat(put.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
        assertThat(put.attributes()).containsEntry("rpc.service", "DynamoDb")
                .containsEntry("aws.table.name", "cruddur-messages");
        assertThat(put.attributes().get("aws.dynamodb.consumed_capacity")).as("the capacity it consumed")
                .contains("CapacityUnits");
        ReceivedSpan lookup = trace.first(this::isStatement);
        assertThat(trace.descends(lookup, useCase)).as("the caller lookup under the use case").isTrue();
        assertThat(statementOf(lookup)).containsIgnoringCase("users");
    }

    @Test
    void noSpanCarriesAMessagesTextOrAToken() {
        String bayko = http.devToken("bayko");
        assertThat(http.post("/api/messages", bayko, "{\"message\":\"" + SECRET_TEXT + "\",\"handle\":\"andrewbrown\"}")
                .statusCode()).isEqualTo(200);
        // a careless client that also puts its token in the query
        assertThat(http.get("/api/message_groups?access_token=" + bayko, bayko).statusCode()).isEqualTo(200);

        await(span -> span.kind() == SpanKind.SPAN_KIND_SERVER && span.name().equals("GET /api/message_groups"));
        await(span -> span.name().equals(PROJECTION));
        List<ReceivedSpan> everything = collector.spans();
        assertThat(everything).hasSizeGreaterThan(5);
        for (ReceivedSpan span : everything) {
            String seen = span.name() + " " + span.attributes();
            assertThat(seen).doesNotContain(SECRET_TEXT).doesNotContain(bayko)
                    .doesNotContain(bayko.substring(bayko.lastIndexOf('.') + 1));
        }
    }

    @Test
    void theStreamConsumersProjectionsAreTracedWithTheirDynamoDbCalls() {
        String andrew = http.devToken("andrewbrown");
        assertThat(http.post("/api/messages", andrew, "{\"message\":\"to be projected\",\"handle\":\"londo\"}")
                .statusCode()).isEqualTo(200);

        ReceivedSpan projection = await(span -> span.name().equals(PROJECTION));
        Trace trace = await(projection.traceId(), spans -> spans.stream().anyMatch(span -> isDynamoDb(span)));
        assertThat(trace.spans().stream().filter(this::isDynamoDb))
                .allMatch(call -> trace.descends(call, trace.first(span -> span.name().equals(PROJECTION))));
    }

    @Test
    void productionLogLinesCarryTheTraceAndSpanIdOfTheirRequest() throws Exception {
        String andrew = http.devToken("andrewbrown");
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProductionLogs.useJsonLines();
            assertThat(http.get("/api/message_groups", andrew).statusCode()).isEqualTo(200);
        } finally {
            System.setOut(console);
            LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
            logging.reset();
            new ContextInitializer(logging).autoConfig();
        }

        JsonNode access = null;
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode json = new ObjectMapper().readTree(line);
            if (json.path("loggerName").asText().equals("cruddur.access")) {
                access = json;
            }
        }
        assertThat(access).as("an access line in " + captured).isNotNull();
        String traceId = access.path("mdc").path("trace_id").asText();
        assertThat(traceId).matches("[0-9a-f]{32}");
        ReceivedSpan request = await(span -> span.traceId().equals(traceId) && span.kind() == SpanKind.SPAN_KIND_SERVER);
        assertThat(request.name()).isEqualTo("GET /api/message_groups");
        assertThat(access.path("mdc").path("span_id").asText()).isEqualTo(request.spanId());
    }

    private boolean isPutItem(ReceivedSpan span) {
        return isDynamoDb(span) && "PutItem".equals(span.attributes().get("rpc.method"));
    }

    private boolean isDynamoDb(ReceivedSpan span) {
        return "DynamoDb".equals(span.attributes().get("rpc.service"));
    }

    private boolean isStatement(ReceivedSpan span) {
        return "postgresql".equals(span.attributes().getOrDefault("db.system",
                span.attributes().get("db.system.name")));
    }

    private static String statementOf(ReceivedSpan span) {
        return Optional.ofNullable(span.attributes().get("db.statement")).orElse(span.attributes().get("db.query.text"));
    }

    private static ReceivedSpan await(Predicate<ReceivedSpan> wanted) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            Optional<ReceivedSpan> found = collector.spans().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no such span exported; received: " + describe(collector.spans()));
            }
            pause();
        }
    }

    private static Trace await(String traceId, Predicate<List<ReceivedSpan>> complete) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            List<ReceivedSpan> spans = collector.spans().stream().filter(span -> span.traceId().equals(traceId)).toList();
            if (complete.test(spans)) {
                return new Trace(spans);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("trace " + traceId + " incomplete: " + describe(spans));
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String describe(List<ReceivedSpan> spans) {
        return spans.stream().map(span -> span.traceId().substring(0, 8) + "/" + span.spanId() + "<-" + span.parentSpanId()
                + " " + span.name() + " " + span.attributes()).collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    /** The spans of one trace, with the parent links between them. */
    private record Trace(List<ReceivedSpan> spans) {
        ReceivedSpan first(Predicate<ReceivedSpan> wanted) {
            return spans.stream().filter(wanted).findFirst().orElseThrow(() -> new AssertionError(describe(spans)));
        }

        ReceivedSpan only(Predicate<ReceivedSpan> wanted) {
            List<ReceivedSpan> found = spans.stream().filter(wanted).toList();
            assertThat(found).as(describe(spans)).hasSize(1);
            return found.get(0);
        }

        boolean descends(ReceivedSpan span, ReceivedSpan ancestor) {
            Map<String, ReceivedSpan> byId = spans.stream().collect(Collectors.toMap(ReceivedSpan::spanId, s -> s));
            ReceivedSpan current = span;
            while (current != null && !current.isRoot()) {
                if (current.parentSpanId().equals(ancestor.spanId())) {
                    return true;
                }
                current = byId.get(current.parentSpanId());
            }
            return false;
        }
    }
}
