package com.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Tracing is off unless an exporter is named; a traced request's query keeps its parameter names only. */
class TracingTest {

    @Test
    void onlyAnExporterOtherThanNoneTurnsTracingOn() {
        Properties none = new Properties();
        assertThat(Tracing.settings(Map.of(), none)).containsEntry(Tracing.ENABLED, false);
        assertThat(Tracing.settings(Map.of("OTEL_TRACES_EXPORTER", "none"), none)).containsEntry(Tracing.ENABLED, false);
        assertThat(Tracing.settings(Map.of("OTEL_TRACES_EXPORTER", " "), none)).containsEntry(Tracing.ENABLED, false);
        assertThat(Tracing.settings(Map.of("OTEL_TRACES_EXPORTER", "otlp"), none)).containsEntry(Tracing.ENABLED, true);
        Properties system = new Properties();
        system.setProperty("otel.traces.exporter", "otlp");
        assertThat(Tracing.settings(Map.of(), system)).containsEntry(Tracing.ENABLED, true);
        system.setProperty("otel.traces.exporter", "none");
        assertThat(Tracing.settings(Map.of("OTEL_TRACES_EXPORTER", "otlp"), system))
                .as("the system property wins, as in the SDK").containsEntry(Tracing.ENABLED, false);
    }

    @Test
    void aServiceNotToldToTraceHasNoTracerAtAll() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("cruddur.store", "memory",
                "cruddur.directory", "memory"), "test")) {
            assertThat(context.containsBean(OpenTelemetry.class)).isFalse();
        }
    }

    @Test
    void queryValuesAreRedactedAndTheirNamesKept() {
        assertThat(QueryRedaction.redact("access_token=eyJ.x.y&page=2&flag"))
                .isEqualTo("access_token=REDACTED&page=REDACTED&flag");
        assertThat(QueryRedaction.redact("ticket=")).isEqualTo("ticket=REDACTED");
    }
}
