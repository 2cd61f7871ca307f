package com.cruddur.messaging.app.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One process of the soak's cluster, started and restarted with the same command, environment and port:
 * what the nemesis kills ({@code SIGKILL}) and pauses ({@code SIGSTOP}, {@code SIGCONT}). Stopped processes
 * are only ever ones it started itself.
 */
final class Node {
    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private final Predicate<Path> ready;
    private Process process;
    private int starts;

    /** {@code ready} is asked of the log of the current start ({@code <log>.<n>}) until it says yes. */
    Node(String name, List<String> command, Map<String, String> environment, Path log, int port, Predicate<Path> ready) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.log = log;
        this.port = port;
        this.ready = ready;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** Starts the process and waits until it is ready (at most two minutes). */
    synchronized void start() {
        Path currentLog = log.resolveSibling(log.getFileName() + "." + ++starts);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(currentLog.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not start", e);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!ready.test(currentLog)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not become ready; see " + currentLog);
            }
            sleep(50);
        }
    }

    synchronized boolean running() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process.pid();
    }

    /** kill -9, and waits for the process to be gone. */
    synchronized void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clean stop at the end of the run. */
    synchronized void stop() {
        if (process != null && process.isAlive()) {
            signal("CONT", process.pid());
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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

    /** Sends a signal ({@code KILL}, {@code STOP}, {@code CONT}) to a process of this run. */
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
