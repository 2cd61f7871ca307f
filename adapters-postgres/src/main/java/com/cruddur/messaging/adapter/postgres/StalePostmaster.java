package com.cruddur.messaging.adapter.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that outlived the process that started it on a data directory (that process
 * was killed with {@code kill -9}, so it never stopped its child). Its {@code postmaster.pid} names
 * it; when that process is a PostgreSQL server on this very directory it is ours, and it is stopped
 * before a new one starts there — never attached to, never left behind.
 */
final class StalePostmaster {
    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);
    private static final long PATIENCE_SECONDS = 15;

    private StalePostmaster() {
    }

    static void stopIfLeftOn(Path dataDirectory) {
        Optional<ProcessHandle> stale = runningOn(dataDirectory);
        if (stale.isEmpty()) {
            return;
        }
        ProcessHandle server = stale.get();
        LOG.warn("stopping PostgreSQL (pid {}) that a killed run left on {}", server.pid(), dataDirectory);
        server.destroy();
        if (!waitForExit(server)) {
            server.destroyForcibly();
            if (!waitForExit(server)) {
                throw new IllegalStateException("PostgreSQL (pid " + server.pid() + ") still runs on " + dataDirectory
                        + " and does not stop; stop it (kill " + server.pid() + ") and start again");
            }
        }
    }

    /** The live PostgreSQL server whose lock file is in the directory, if there is one. */
    static Optional<ProcessHandle> runningOn(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(lockFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            List<String> lines = Files.readAllLines(lockFile);
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + lockFile, e);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // A pid the system has since given to another program is not ours: PostgreSQL itself then
        // finds the lock file stale.
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .filter(process -> process.info().commandLine().map(line -> line.contains(dataDirectory.toString()))
                        .orElse(false));
    }

    private static boolean waitForExit(ProcessHandle process) {
        try {
            process.onExit().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }
}
