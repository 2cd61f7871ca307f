package com.cruddur.messaging.app;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Whether the service traces: only when {@code OTEL_TRACES_EXPORTER} (or {@code -Dotel.traces.exporter}) names
 * an exporter, as the OpenTelemetry SDK's own settings do. Otherwise no tracer exists at all, so an untraced
 * service pays nothing for spans nobody collects.
 */
final class Tracing {
    /** Micronaut Tracing's switch: with it off, no OpenTelemetry bean, server filter or span interceptor exists. */
    static final String ENABLED = "micronaut.otel.enabled";

    private Tracing() {
    }

    static Map<String, Object> settings(Map<String, String> environment, Properties system) {
        Optional<String> exporter = Optional.ofNullable(system.getProperty("otel.traces.exporter"))
                .or(() -> Optional.ofNullable(environment.get("OTEL_TRACES_EXPORTER")))
                .map(String::trim);
        boolean on = exporter.filter(name -> !name.isEmpty() && !name.equalsIgnoreCase("none")).isPresent();
        return Map.of(ENABLED, on);
    }
}
