package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What operators and client developers get: OpenAPI, Swagger UI, health with the stores, Prometheus metrics. */
@MicronautTest
class OperationsTest extends HttpTest {
    @Inject
    SwitchableStore store;

    @Test
    void servesTheGeneratedOpenApiDocumentAndSwaggerUi() {
        HttpResponse<String> document = api().get("/swagger/cruddur-messaging-1.0.yml", null);
        HttpResponse<String> ui = api().get("/swagger-ui/index.html", null);

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("/api/message_groups:", "/api/messages/{message_group_uuid}:",
                "/api/users/@{handle}/short:", "bearerFormat: JWT", "/api/message_groups/{message_group_uuid}/read:",
                "client_message_id:", "unread_count:", "other_last_read_at:", "/api/events:", "/api/events/ticket:",
                "text/event-stream");
        assertThat(document.body()).as("a request body's schema has no property named after itself")
                .doesNotContain("        SendMessageBody:", "        MarkReadBody:");
        String shortProfile = document.body().substring(document.body().indexOf("/api/users/@{handle}/short:"));
        assertThat(shortProfile.substring(0, shortProfile.indexOf("components:")))
                .as("the short profile is documented as open to anonymous callers")
                .contains("security:\n      - {}\n      - cognito: []");
        assertThat(document.body().split("\"429\":\n {10}description: Over the caller's rate limit").length - 1)
                .as("429 documented for sends, mark-read, tickets, event streams and short profiles").isEqualTo(5);
        assertThat(document.body()).contains("Retry-After:");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

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
}
