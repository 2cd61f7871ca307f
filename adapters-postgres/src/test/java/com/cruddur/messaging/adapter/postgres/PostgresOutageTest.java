package com.cruddur.messaging.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.error.StoreUnavailableException;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.UserId;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A database that cannot be reached is "store unavailable" within the pool's connection timeout. */
class PostgresOutageTest {

    @Test
    void anUnreachableDatabaseIsUnavailableWithinTheConnectionTimeout() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> settings = new HashMap<>(
                PostgresEngine.settings("jdbc:postgresql://127.0.0.1:" + closedPort + "/cruddur?connectTimeout=1"));
        settings.put("datasources.default.connection-timeout", 1000);
        settings.put("datasources.default.initialization-fail-timeout", -1);

        try (ApplicationContext context = ApplicationContext.run(settings)) {
            var directory = PostgresEngine.directory(context);
            var store = PostgresEngine.store(context);
            long started = System.nanoTime();

            assertThatThrownBy(() -> directory.byHandle(new Handle("bayko"))).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> store.summaries(new UserId(UUID.randomUUID()), PageRequest.firstPage()))
                    .isInstanceOf(StoreUnavailableException.class);
            // Bounded by the 1 s connect timeouts, not Hikari's default 30 s; a busy machine may take a few times 1 s.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
    }
}
