package com.cruddur.messaging.app.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One process of the soak's cluster, started and restarted with the same command, environment and port:
 * what the nemesis kills ({@code SIGKILL}) and pauses ({@code SIGSTOP}, {@code SIGCONT}).
 *
 * <p>Every process is tracked from the moment it is spawned until it is seen dead: a start that does not become
 * ready in time is killed with its descendants and reaped before the start gives up; a start refuses while the
 * previous process lives or its port is still taken; ready means the log says so <em>and</em> this very process
 * (or a descendant, such as PostgreSQL's postmaster under its engine) listens on the port — another process
 * answering there never passes for this one. A fault holds the node's monitor from its first signal to the end of
 * its restart, so faults of one process take their turns (two kill-and-restarts of one instance at once once left
 * a process orphaned that later kills never reached). Stopped processes are only ever ones it started itself.
 */
final class Node {
    /** What a kill met and did: the process's pid, and whether it was seen alive before and gone after. */
    record Seen(long pid, boolean verified) {
    }

    private static final int RESTART_ATTEMPTS = 3;
    private static final Duration PORT_FREED_WITHIN = Duration.ofSeconds(10);
    private static final Duration GONE_WITHIN = Duration.ofSeconds(30);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private final Predicate<Path> ready;
    private final Duration readyWithin;
    private final Supplier<Optional<Long>> detached;
    /** Every process spawned and not yet seen dead. */
    private final List<Process> spawned = new ArrayList<>();
    private Process process;
    private int starts;

    /** {@code ready} is asked of the log of the current start ({@code <log>.<n>}) until it says yes, at most {@code readyWithin}. */
    Node(String name, List<String> command, Map<String, String> environment, Path log, int port, Predicate<Path> ready,
         Duration readyWithin) {
        this(name, command, environment, log, port, ready, readyWithin, Optional::empty);
    }

    /**
     * A node whose process starts another that leaves its tree: {@code detached} names it when there is one
     * (PostgreSQL's postmaster, which {@code pg_ctl} detaches from the engine process). It counts as the node's:
     * it may be the one that listens, and it is killed and stopped with the node's process.
     */
    Node(String name, List<String> command, Map<String, String> environment, Path log, int port, Predicate<Path> ready,
         Duration readyWithin, Supplier<Optional<Long>> detached) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.log = log;
        this.port = port;
        this.ready = ready;
        this.readyWithin = readyWithin;
        this.detached = detached;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /**
     * Starts the process and waits until it is ready. Refuses while the previous process lives, and fails when its
     * port is not free within 10 s; a process that does not become ready is killed and reaped before this throws.
     */
    synchronized void start() {
        if (running()) {
            throw new IllegalStateException(name + " is still running as pid " + process.pid() + "; a second start would orphan it");
        }
        awaitPortFree();
        Path currentLog = log.resolveSibling(log.getFileName() + "." + ++starts);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(currentLog.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
            spawned.add(process);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not start", e);
        }
        long deadline = System.nanoTime() + readyWithin.toNanos();
        while (!(ready.test(currentLog) && members(process).stream().anyMatch(pid -> Procs.listens(pid, port)))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                long pid = process.pid();
                end(process);
                throw new IllegalStateException(name + " (pid " + pid + ") did not become ready; it was killed and reaped; see "
                        + currentLog);
            }
            sleep(50);
        }
    }

    synchronized boolean running() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** kill -9 of the process and its descendants; returns once all are gone, saying whether the process was alive before. */
    synchronized Seen kill() {
        if (process == null) {
            return new Seen(-1, false);
        }
        long pid = process.pid();
        boolean aliveBefore = Procs.alive(pid);
        end(process);
        return new Seen(pid, aliveBefore && !Procs.alive(pid));
    }

    /**
     * One fault: kill -9, down for {@code down}, then started again — holding the node for its whole length, so that
     * a second fault of the same process waits its turn instead of starting a process over a live one.
     */
    synchronized Effect killAndRestart(Duration down) {
        return restartAfter(kill(), down, this::pid);
    }

    /**
     * Started again after {@code down}, as a supervisor would: a start that fails (a service refuses to start while
     * its store is down) is tried again a second later, up to {@value #RESTART_ATTEMPTS} times. {@code livePid}
     * names what the next fault of this node will meet.
     */
    synchronized Effect restartAfter(Seen killed, Duration down, LongSupplier livePid) {
        sleep(down.toMillis());
        String failure = null;
        for (int attempt = 1; attempt <= RESTART_ATTEMPTS; attempt++) {
            try {
                start();
                return new Effect(killed.pid(), killed.verified(), livePid.getAsLong(), null);
            } catch (RuntimeException failed) {
                failure = failed.getMessage() + (attempt > 1 ? " (start " + attempt + " of " + RESTART_ATTEMPTS + ")" : "");
                sleep(1_000);
            }
        }
        return new Effect(killed.pid(), killed.verified(), -1, failure);
    }

    /** A pause of the process (see {@link #pause(List, Duration)}), holding the node meanwhile. */
    synchronized Effect pause(Duration paused) {
        long pid = pid();
        return Effect.paused(pid, running() && pause(List.of(pid), paused));
    }

    /** A clean stop at the end of the run (SIGTERM, then SIGKILL after 30 s) of every process this node spawned. */
    synchronized void stop() {
        for (Process spawnedProcess : List.copyOf(spawned)) {
            List<Long> descendants = members(spawnedProcess).stream().filter(pid -> pid != spawnedProcess.pid()).toList();
            if (spawnedProcess.isAlive()) {
                signal("CONT", spawnedProcess.pid());
                descendants.forEach(pid -> signal("CONT", pid));
                spawnedProcess.destroy();
                if (!waitFor(spawnedProcess, GONE_WITHIN)) {
                    spawnedProcess.destroyForcibly();
                }
            }
            if (!awaitGone(descendants, GONE_WITHIN)) {
                descendants.forEach(pid -> signal("KILL", pid));
            }
            end(spawnedProcess);
        }
    }

    /** The process, its descendants, and the detached process of the node with its descendants, as far as alive now. */
    private List<Long> members(Process target) {
        List<Long> members = new ArrayList<>(Procs.tree(target.pid()));
        detached.get().filter(Procs::alive).map(Procs::tree).ifPresent(members::addAll);
        return members.stream().distinct().toList();
    }

    /** SIGKILL of the process and of every other member it has now; reaped, and all seen gone, or this throws. */
    private void end(Process target) {
        List<Long> descendants = members(target).stream().filter(pid -> pid != target.pid()).toList();
        target.destroyForcibly();
        descendants.forEach(pid -> signal("KILL", pid));
        if (!waitFor(target, GONE_WITHIN) || !awaitGone(descendants, GONE_WITHIN)) {
            throw new IllegalStateException(name + ": pid " + target.pid() + " or one of " + descendants + " outlived SIGKILL");
        }
        spawned.remove(target);
    }

    private void awaitPortFree() {
        long deadline = System.nanoTime() + PORT_FREED_WITHIN.toNanos();
        while (!Procs.portFree(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": port " + port + " is still taken; not starting another process on it");
            }
            sleep(50);
        }
    }

    private static boolean waitFor(Process target, Duration within) {
        try {
            return target.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Until none of the processes is alive (a zombie counts as gone), at most {@code within}. */
    static boolean awaitGone(List<Long> pids, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (pids.stream().anyMatch(Procs::alive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(20);
        }
        return true;
    }

    /**
     * SIGSTOP of the processes for {@code paused}, then SIGCONT; true when the first (the target) was seen stopped
     * (state T) during the pause, and every other one stopped or gone.
     */
    static boolean pause(List<Long> pids, Duration paused) {
        pids.forEach(pid -> signal("STOP", pid));
        try {
            long deadline = System.nanoTime() + Math.min(paused.toNanos(), Duration.ofSeconds(1).toNanos());
            boolean seen = allStopped(pids);
            while (!seen && System.nanoTime() < deadline) {
                sleep(10);
                seen = allStopped(pids);
            }
            sleep(paused.toMillis());
            return seen;
        } finally {
            pids.forEach(pid -> signal("CONT", pid));
        }
    }

    /**
     * The first process (the target) seen stopped, and every other one stopped or gone: a PostgreSQL backend whose
     * client left may end between the listing and the signal, which leaves the database no less frozen.
     */
    private static boolean allStopped(List<Long> pids) {
        return !pids.isEmpty() && Procs.stopped(pids.get(0))
                && pids.stream().skip(1).allMatch(pid -> Procs.stopped(pid) || !Procs.alive(pid));
    }

    /** Whether something accepts connections on the loopback port. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** Sends a signal ({@code KILL}, {@code STOP}, {@code CONT}, ...) to a process of this run. */
    static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-s", signal, String.valueOf(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String readOrEmpty(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
