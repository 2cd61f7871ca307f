package com.cruddur.messaging.devengines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that outlived the process that started it on a data directory (that process
 * was killed with {@code kill -9}, so it never stopped its child). Its {@code postmaster.pid} names
 * it; when that process is a PostgreSQL server on this very directory it is ours, and it is stopped
 * before a new one starts there — never attached to, never left behind.
 *
 * <p>It is stopped by PostgreSQL's <em>fast</em> shutdown (SIGINT):
 * other service instances may still be connected to it, and the default SIGTERM (a <em>smart</em>
 * shutdown) would wait for every one of them to disconnect — which their pools, reconnecting, never
 * do. Fast shutdown disconnects them and writes a checkpoint, so the next server needs no crash
 * recovery. SIGKILL is only the last resort.
 */
final class StalePostmaster {
    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);
    private static final long PATIENCE_SECONDS = 10;

    private StalePostmaster() {
    }

    static void stopIfLeftOn(Path dataDirectory) {
        Optional<ProcessHandle> stale = runningOn(dataDirectory);
        if (stale.isEmpty()) {
            return;
        }
        ProcessHandle server = stale.get();
        refuseIfInUse(dataDirectory, server);
        long started = System.nanoTime();
        Path lockFile = dataDirectory.resolve("postmaster.pid");
        if (fastShutdown(server) && waitUntil(() -> !Files.exists(lockFile) || exited(server))) {
            LOG.warn("stopped PostgreSQL (pid {}) that a killed run left on {}: fast shutdown in {} ms", server.pid(),
                    dataDirectory, (System.nanoTime() - started) / 1_000_000);
            return;
        }
        LOG.warn("PostgreSQL (pid {}) that a killed run left on {} did not stop by fast shutdown; killing it"
                + " (the next server recovers from its write-ahead log)", server.pid(), dataDirectory);
        server.destroyForcibly();
        if (!waitUntil(() -> exited(server))) {
            throw new IllegalStateException("PostgreSQL (pid " + server.pid() + ") still runs on " + dataDirectory
                    + " and does not stop; stop it (kill -9 " + server.pid() + ") and start again");
        }
    }

    /**
     * A server whose service still runs is not stale: the embedded engine holds a lock on {@code epg-lock}
     * in the data directory for as long as its JVM lives (a killed JVM's lock is gone with it). Without this
     * check a second start on the same data directory would stop the running service's database.
     */
    private static void refuseIfInUse(Path dataDirectory, ProcessHandle server) {
        Path lockFile = dataDirectory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        boolean held;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            held = lock == null;
            if (lock != null) {
                lock.release();
            }
        } catch (OverlappingFileLockException inThisJvm) {
            held = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the lock " + lockFile, e);
        }
        if (held) {
            throw new IllegalStateException("the data directory " + dataDirectory.getParent() + " is in use by a running"
                    + " service (its PostgreSQL is pid " + server.pid() + "); stop that service first, or start this one"
                    + " on another data directory (--data-dir or CRUDDUR_DATA_DIR)");
        }
    }

    /**
     * Asks for a fast shutdown: SIGINT to the postmaster ({@code pg_ctl stop -m fast} sends the same, but
     * refuses to run as root, which is how CI runs). Returns whether the signal was sent.
     */
    private static boolean fastShutdown(ProcessHandle server) {
        try {
            Process signal = new ProcessBuilder("kill", "-s", "INT", String.valueOf(server.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return signal.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS) && signal.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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

    /**
     * Whether the process has ended. A server whose parent was killed is reaped by init, which may take
     * a second or two after it exits; until then it is a zombie that {@code isAlive()} still reports.
     */
    private static boolean exited(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z") || !process.isAlive();
        } catch (IOException | RuntimeException e) {
            return !process.isAlive();
        }
    }

    /** Polls every 20 ms up to the patience ({@code onExit()} of a process that is not our child looks far less often). */
    private static boolean waitUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
