package com.cruddur.messaging.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.adapter.dynamodb.table.CapacityLog;
import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.UserId;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Outages surface as "store unavailable" within the configured bounds: a closed port, a server
 * that never answers, throttling answered by a stand-in DynamoDB endpoint on 127.0.0.1, a missing table.
 */
class DynamoDbOutageTest {
    private static final Duration ATTEMPT = Duration.ofMillis(300);
    private static final Duration CALL = Duration.ofMillis(1_000);

    @Test
    void anUnreachableEndpointIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertUnavailableWithinBounds(URI.create("http://127.0.0.1:" + closedPort));
    }

    @Test
    void anEndpointThatNeverAnswersIsUnavailableWithinTheCallTimeout() throws IOException {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            assertUnavailableWithinBounds(URI.create("http://127.0.0.1:" + silent.getLocalPort()));
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void throttlingIsRetriedABoundedNumberOfTimesThenUnavailable() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer throttling = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        throttling.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                    + "\"message\":\"The level of configured provisioned throughput for the table was exceeded.\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        throttling.start();
        try {
            assertUnavailableWithinBounds(URI.create("http://127.0.0.1:" + throttling.getAddress().getPort()));
            assertThat(requests.get()).isBetween(1, 3);
        } finally {
            throttling.stop(0);
        }
    }

    @Test
    void aMissingTableIsUnavailable() {
        var store = new DynamoDbConversationStore(DynamoDbEngine.CLIENT, "no-such-table", new CapacityLog());

        assertThatThrownBy(() -> store.summaries(new UserId(UUID.randomUUID()), PageRequest.firstPage()))
                .isInstanceOf(StoreUnavailableException.class);
    }

    private static void assertUnavailableWithinBounds(URI endpoint) {
        DynamoDbSettings settings = new DynamoDbSettings("us-east-1", Optional.of(endpoint), "cruddur-messages",
                ATTEMPT, ATTEMPT, CALL, 3);
        try (var client = DynamoDbClients.dynamoDb(settings)) {
            var store = new DynamoDbConversationStore(client, settings.tableName(), new CapacityLog());
            long started = System.nanoTime();

            assertThatThrownBy(() -> store.summaries(new UserId(UUID.randomUUID()), PageRequest.firstPage()))
                    .isInstanceOf(StoreUnavailableException.class);
            // Bounded, not hung (without a call timeout the SDK would wait for ever); a busy machine may take a few
            // times the 1 s timeout, never twenty.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CALL.multipliedBy(20));
        }
    }
}
