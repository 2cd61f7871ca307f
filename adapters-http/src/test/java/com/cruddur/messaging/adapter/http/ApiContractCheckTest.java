package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check fails on what the document does not say, and lets bad input be answered as documented. */
class ApiContractCheckTest {
    private static final URI GROUPS = URI.create("http://127.0.0.1:4567/api/message_groups");
    private static final URI SEND = URI.create("http://127.0.0.1:4567/api/messages");
    private static final Map<String, List<String>> BEARER = Map.of("Authorization", List.of("Bearer token"));
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final Map<String, List<String>> SENT_JSON = Map.of("Authorization", List.of("Bearer token"),
            "Content-Type", List.of("application/json"));
    private static final String GROUP = "[{\"uuid\":\"5ae290ed-55d1-47a0-bc6d-fe2bc2700399\",\"display_name\":\"Worf\","
            + "\"handle\":\"worf\",\"message\":\"hi\",\"created_at\":\"2026-12-07T09:16:26.486848+00:00\",\"unread_count\":0,"
            + "\"last_read_at\":null,\"other_last_read_at\":null,\"kind\":\"direct\",\"name\":null,\"member_count\":2}]";

    @Test
    void aDocumentedExchangePasses() {
        assertThatCode(() -> ApiContract.check("GET", GROUPS, BEARER, "", 200, JSON, GROUP)).doesNotThrowAnyException();
    }

    @Test
    void anUndocumentedFieldFails() {
        String extra = GROUP.replace("\"unread_count\":0", "\"unread_count\":0,\"muted\":true");

        assertThatThrownBy(() -> ApiContract.check("GET", GROUPS, BEARER, "", 200, JSON, extra))
                .isInstanceOf(AssertionError.class).hasMessageContaining("muted");
    }

    @Test
    void anUndocumentedStatusFails() {
        assertThatThrownBy(() -> ApiContract.check("GET", GROUPS, BEARER, "", 409, JSON, "[\"conflict\"]"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("409");
    }

    @Test
    void anUndocumentedErrorCodeFails() {
        assertThatThrownBy(() -> ApiContract.check("POST", SEND, SENT_JSON, "{}", 422, JSON, "[\"message_too_rude\"]"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("message_too_rude");
    }

    @Test
    void anUndocumentedHeaderFails() {
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"), "X-Shard", List.of("7"));

        assertThatThrownBy(() -> ApiContract.check("GET", GROUPS, BEARER, "", 200, headers, GROUP))
                .isInstanceOf(AssertionError.class).hasMessageContaining("x-shard");
    }

    @Test
    void anUndocumentedRequestThatSucceedsFails() {
        assertThatThrownBy(() -> ApiContract.check("POST", SEND, SENT_JSON, "{\"text\":\"hi\"}", 200, JSON,
                "{\"message_group_uuid\":\"5ae290ed-55d1-47a0-bc6d-fe2bc2700399\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("message");
        assertThatThrownBy(() -> ApiContract.check("GET", URI.create("http://127.0.0.1:4567/api/undocumented"), BEARER, "",
                200, JSON, "[]")).isInstanceOf(AssertionError.class);
    }

    @Test
    void badInputAnsweredAsDocumentedPasses() {
        assertThatCode(() -> ApiContract.check("POST", SEND, SENT_JSON, "{\"text\":\"hi\"}", 422, JSON, "[\"message_blank\"]"))
                .doesNotThrowAnyException();
        assertThatCode(() -> ApiContract.check("GET", GROUPS, Map.of(), "", 401, JSON, "[\"unauthorized\"]"))
                .doesNotThrowAnyException();
    }
}
