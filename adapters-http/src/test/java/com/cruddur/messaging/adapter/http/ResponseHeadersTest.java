package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Every answer says nosniff; an authenticated API answer is never stored by a cache. */
@MicronautTest
class ResponseHeadersTest extends HttpTest {

    @Test
    void authenticatedApiAnswersAreNotStoredAndNoAnswerIsSniffed() {
        String token = tokenOf(newUser("alice"));
        HttpResponse<String> groups = api().get("/api/message_groups", token);
        HttpResponse<String> refused = api().get("/api/message_groups", "not-a-token");
        HttpResponse<String> anonymousProfile = api().get("/api/users/@bayko/short", null);
        HttpResponse<String> health = api().get("/health", null);

        assertThat(groups.statusCode()).isEqualTo(200);
        assertThat(groups.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(refused.headers().firstValue("Cache-Control")).as("a 401 of the API").contains("no-store");
        assertThat(anonymousProfile.headers().firstValue("Cache-Control")).isEmpty();
        for (HttpResponse<String> response : new HttpResponse[] {groups, refused, anonymousProfile, health}) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(response.uri().getPath()).contains("nosniff");
        }
    }
}
