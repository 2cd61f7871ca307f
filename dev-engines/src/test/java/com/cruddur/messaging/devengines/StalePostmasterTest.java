package com.cruddur.messaging.devengines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only a server whose service is gone is stopped: one a running service holds is left alone. */
class StalePostmasterTest {
    @TempDir
    Path data;

    @Test
    void aServerWhoseServiceStillRunsIsNotStoppedAndTheStartIsRefused() throws Exception {
        Path directory = data.resolve("postgres");
        try (EmbeddedPostgresEngine running = EmbeddedPostgresEngine.start(0, Optional.of(directory))) {
            long pid = StalePostmaster.runningOn(directory).orElseThrow().pid();

            assertThatThrownBy(() -> EmbeddedPostgresEngine.stopLeftOver(directory))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by a running service (its PostgreSQL is pid " + pid + ")");
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("the running service's PostgreSQL").isPresent();
            try (Connection connection = running.maintenanceDatabase().getConnection()) {
                assertThat(connection.isValid(1)).as("the running service's PostgreSQL answers").isTrue();
            }
        }
    }
}
