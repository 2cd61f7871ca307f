package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.model.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What operators get: health with the stores, Prometheus metrics (the API document: {@link ApiDocumentTest}). */
@MicronautTest
class OperationsTest extends HttpTest {
    @Inject
    SwitchableStore store;

    @Test
    void healthReportsTheStoresAndGoesDownWithThem() {
        HttpResponse<String> up = api().get("/health", null);
        store.down(true);
        HttpResponse<String> down;
        try {
            down = api().get("/health", null);
        } finally {
            store.down(false);
        }

        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).contains("\"stores\"", "\"conversations\":\"UP\"", "\"users\":\"UP\"");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"conversations\":\"DOWN: TestStore is unavailable\"");
    }

    @Test
    void exposesPerRouteLatencyForPrometheus() {
        api().get("/api/message_groups", tokenOf(newUser("alice")));

        HttpResponse<String> metrics = api().get("/prometheus", null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count").contains("uri=\"/api/message_groups\"");
    }

    /** Without a management port of its own (as here, and in the embedded default), a user's data has no route. */
    @Test
    void aUsersDataIsNotServedWhereTheManagementEndpointsShareThePublicPort() {
        User alice = newUser("alice");

        assertThat(api().get("/user-data/" + alice.handle(), null).statusCode()).isEqualTo(404);
        assertThat(api().get("/user-data/" + alice.handle(), tokenOf(alice)).statusCode()).isEqualTo(404);
        assertThat(api().delete("/user-data/" + alice.handle(), tokenOf(alice)).statusCode()).isEqualTo(404);
        assertThat(directory.byHandle(alice.handle())).contains(alice);
    }
}
