package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.model.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A freshly started instance, idle, serves a burst it can serve: 20 concurrent first sends from one client (a new
 * conversation by handle, one client id) are all let in at once — with the store holding every call, as a cold
 * instance's first calls are slow — and all answered 200 with the one message, none 503 (4 of them were, when the
 * admission limit started at half its maximum and the rest outlived the line's 50 ms patience).
 */
@MicronautTest
class IdleBurstTest extends HttpTest {
    private static final int BURST = 20;

    @Inject
    SwitchableStore store;

    @Test
    void twentyConcurrentFirstSendsAreAllLetInAndAnswered() throws Exception {
        User alice = newUser("alice");
        User bob = newUser("bob");
        String send = "{\"message\":\"hi\",\"handle\":\"" + bob.handle() + "\",\"client_message_id\":\"burst-1\"}";
        ExecutorService clients = Executors.newFixedThreadPool(BURST);
        List<Future<HttpResponse<String>>> burst = new ArrayList<>();
        store.hold();
        try {
            for (int i = 0; i < BURST; i++) {
                burst.add(clients.submit(() -> api().post("/api/messages", tokenOf(alice), send)));
            }
            awaitUntil(() -> store.heldNow() == BURST || burst.stream().anyMatch(Future::isDone));
            assertThat(burst).as("answered before the store let any call go").noneMatch(Future::isDone);
        } finally {
            store.release();
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> request : burst) {
            answers.add(request.get(30, TimeUnit.SECONDS));
        }
        clients.shutdown();

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(answers).extracting(HttpResponse::body).containsOnly(answers.get(0).body());
    }
}
