package com.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The embedded engines never start on, or attach to, a port something else already listens on. */
class EmbeddedEnginesTest {

    @Test
    void aTakenPortIsRefusedNamingTheProcessThatHoldsIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedEngines.start(new EmbeddedSettings(Optional.empty(), "127.0.0.1", 0, port)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + port + " is taken by pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("CRUDDUR_EMBEDDED_POSTGRES_PORT");
        }
    }
}
