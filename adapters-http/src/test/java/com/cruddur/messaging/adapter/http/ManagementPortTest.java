package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Production's two ports: the public one answers {@code /health} with UP or DOWN only and has no
 * {@code /prometheus}; the management port, bound to loopback, has health with its details and the metrics,
 * and no API. (That it listens on loopback only is read from the kernel in ProductionModeTest.)
 */
@MicronautTest
class ManagementPortTest extends HttpTest {
    private final int managementPort = freePort();

    @Inject
    SwitchableStore store;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("endpoints.all.port", String.valueOf(managementPort));
        return properties;
    }

    @Test
    void thePublicPortSaysOnlyUpOrDownAndHasNoMetrics() {
        HttpResponse<String> up = api().get("/health", null);
        HttpResponse<String> down;
        store.down(true);
        try {
            down = api().get("/health", null);
        } finally {
            store.down(false);
        }

        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(api().get("/prometheus", null).statusCode()).isEqualTo(404);
        assertThat(api().get("/health/liveness", null).statusCode()).isEqualTo(404);
        assertThat(api().get("/api/message_groups", tokenOf(newUser("alice"))).statusCode()).isEqualTo(200);
    }

    @Test
    void theManagementPortOnLoopbackHasTheDetailsAndTheMetricsButNoApi() {
        Api management = Api.outsideTheApi(URI.create("http://127.0.0.1:" + managementPort));

        HttpResponse<String> health = management.get("/health", null);
        HttpResponse<String> metrics = management.get("/prometheus", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"conversations\":\"UP\"", "\"details\"");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count");
        assertThat(management.get("/api/message_groups", tokenOf(newUser("bob"))).statusCode()).isEqualTo(404);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
