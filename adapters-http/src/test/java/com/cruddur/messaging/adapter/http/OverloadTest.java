package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.model.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Bounded work per instance: with the store holding every call, a flood of requests over the admission
 * limit is answered 503 {@code ["overloaded"]} with {@code Retry-After} while the store never sees more
 * calls at once than the limit; the admitted requests and later ones are served; event streams do not
 * count against the limit.
 */
@MicronautTest
class OverloadTest extends HttpTest {
    private static final int LIMIT = 3;
    private static final int FLOOD = 20;

    @Inject
    SwitchableStore store;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("cruddur.admission.limit", String.valueOf(LIMIT));
        properties.put("cruddur.admission.patience", "100ms");
        return properties;
    }

    @Test
    void aFloodOverTheLimitIsShedWhileTheStoreNeverHasMoreCallsThanTheLimit() throws Exception {
        User alice = newUser("alice");
        String token = tokenOf(alice);
        ExecutorService clients = Executors.newFixedThreadPool(FLOOD);
        List<Future<HttpResponse<String>>> flood = new ArrayList<>();
        store.hold();
        int mostAtOnce;
        List<HttpResponse<String>> shed;
        try {
            for (int i = 0; i < FLOOD; i++) {
                flood.add(clients.submit(() -> api().get("/api/message_groups", token)));
            }
            // Every request is either answered already (turned away) or held in the store (let in).
            awaitUntil(() -> flood.stream().filter(Future::isDone).count() + store.heldNow() == FLOOD);
            shed = new ArrayList<>();
            for (Future<HttpResponse<String>> request : flood) {
                if (request.isDone()) {
                    shed.add(request.get());
                }
            }
            try (SseConnection stream = SseConnection.open(server.getURI(), "/api/events",
                    Map.of("Authorization", "Bearer " + token))) {
                assertThat(stream.status()).as("an event stream is not counted against the limit").isEqualTo(200);
            }
        } finally {
            mostAtOnce = store.release();
        }
        List<Integer> admitted = new ArrayList<>();
        for (Future<HttpResponse<String>> request : flood) {
            admitted.add(request.get(30, TimeUnit.SECONDS).statusCode());
        }
        clients.shutdown();

        assertThat(shed).hasSizeGreaterThanOrEqualTo(FLOOD - LIMIT).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).isEqualTo("[\"overloaded\"]");
            assertThat(response.headers().firstValue("Retry-After")).contains("1");
        });
        assertThat(mostAtOnce).as("store calls at once").isBetween(1, LIMIT).isEqualTo(FLOOD - shed.size());
        assertThat(admitted).filteredOn(status -> status == 200).as("the requests let in, once the store answers")
                .hasSize(FLOOD - shed.size());
        assertThat(api().get("/api/message_groups", token).statusCode()).as("once the flood is over").isEqualTo(200);
        String metrics = api().get("/prometheus", null).body();
        assertThat(metrics).contains("http_server_admission_maximum " + LIMIT + ".0", "http_server_admission_in_flight 0.0")
                .containsPattern("http_server_admission_limit [1-3]\\.0")
                .containsPattern("http_server_admission_shed_total [1-9]");
    }
}
