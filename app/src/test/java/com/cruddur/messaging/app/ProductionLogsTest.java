package com.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Production's log lines are JSON objects a log pipeline can read, one per line, with the access log's fields. */
class ProductionLogsTest {
    private final PrintStream console = System.out;

    @AfterEach
    void restore() throws Exception {
        System.setOut(console);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void everyLineIsOneJsonObjectWithTimeLevelLoggerMessageAndFields() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        ProductionLogs.useJsonLines();

        Logger access = LoggerFactory.getLogger("cruddur.access");
        access.atInfo().addKeyValue("method", "GET").addKeyValue("route", "/api/message_groups").addKeyValue("status", 200)
                .addKeyValue("latency_ms", "1.250").log("GET /api/message_groups 200 1.3 ms");
        LoggerFactory.getLogger(ProductionLogsTest.class).warn("a \"quoted\"\nmulti-line warning");
        LoggerFactory.getLogger(ProductionLogsTest.class).debug("below the level");
        System.out.flush();

        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            // Only this test's own lines: a context another test class closed may still log from a pool thread,
            // in its own format. Each of ours must be one whole JSON object: a message whose newline the encoder
            // failed to escape would make a line that does not parse (and a second that is not ours).
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode json = new ObjectMapper().readTree(line);
            if (List.of("cruddur.access", ProductionLogsTest.class.getName()).contains(json.path("loggerName").asText())) {
                lines.add(json);
            }
        }
        assertThat(lines).hasSize(2);
        JsonNode request = lines.get(0);
        assertThat(request.get("timestamp").asLong()).isPositive();
        assertThat(request.get("level").asText()).isEqualTo("INFO");
        assertThat(request.get("loggerName").asText()).isEqualTo("cruddur.access");
        assertThat(request.get("formattedMessage").asText()).isEqualTo("GET /api/message_groups 200 1.3 ms");
        assertThat(request.get("kvpList").toString()).contains("\"method\":\"GET\"", "\"route\":\"/api/message_groups\"",
                "\"status\":\"200\"", "\"latency_ms\":\"1.250\"");
        assertThat(lines.get(1).get("formattedMessage").asText()).isEqualTo("a \"quoted\"\nmulti-line warning");
        assertThat(lines.get(1).get("level").asText()).isEqualTo("WARN");
    }
}
