package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.model.User;
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

    @Test
    void theManagementPortExportsAndErasesAUsersDataAndThePublicPortHasNeither() {
        Api management = Api.outsideTheApi(URI.create("http://127.0.0.1:" + managementPort));
        User alice = newUser("alice");
        User bob = newUser("bob");
        String secret = "alice's secret " + java.util.UUID.randomUUID();
        assertThat(api().post("/api/messages", tokenOf(alice),
                "{\"handle\":\"" + bob.handle() + "\",\"message\":\"" + secret + "\"}").statusCode()).isEqualTo(200);
        String path = "/user-data/" + alice.handle();

        HttpResponse<String> export = management.get(path, null);
        HttpResponse<String> unknown = management.get("/user-data/nobody-at-all", null);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(export.body().lines()).first().asString().startsWith("{\"type\":\"account\"");
        assertThat(export.body()).contains(secret).endsWith("{\"type\":\"totals\",\"conversations\":1,\"messages\":1,"
                + "\"blocks\":0}\n");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(api().get(path, tokenOf(alice)).statusCode()).isEqualTo(404);
        assertThat(api().delete(path, tokenOf(alice)).statusCode()).isEqualTo(404);

        HttpResponse<String> plan = management.get("/user-erasure/" + alice.handle(), null);
        assertThat(plan.statusCode()).isEqualTo(200);
        assertThat(plan.body()).startsWith("{\"dry_run\":true,\"conversations\":1,\"messages\":1,\"blocks\":0,");
        assertThat(api().get("/user-erasure/" + alice.handle(), tokenOf(alice)).statusCode()).isEqualTo(404);

        HttpResponse<String> erased = management.delete(path, null);

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(erased.body()).startsWith("{\"dry_run\":false,\"conversations\":1,\"messages\":1,\"blocks\":0,")
                .contains("\"erased_handle\":\"deleted-");
        assertThat(api().get("/api/message_groups", tokenOf(alice)).statusCode()).isEqualTo(403);
        assertThat(api().get("/api/message_groups", tokenOf(bob)).body()).contains("\"display_name\":\"deleted user\"")
                .doesNotContain(secret);
        assertThat(management.delete(path, null).statusCode()).isEqualTo(404);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
