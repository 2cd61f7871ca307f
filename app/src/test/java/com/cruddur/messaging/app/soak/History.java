package com.cruddur.messaging.app.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What happened in a soak, in the order it happened: every call (attempt by attempt, with its answer or
 * error and its times), every fault, every event-stream session. Times are milliseconds since the run
 * started. Written as JSON lines for anyone to check again.
 */
final class History {
    /** One HTTP call: who, which kind of operation, to which instance, when, and its answer or error. */
    record Call(int user, String kind, int instance, long startMs, long endMs, String request, int status, String body,
                String error) {
        boolean answered() {
            return status > 0;
        }
    }

    /**
     * A send as the client means it: one text, retried until a definitive answer when it carries a
     * {@code client_message_id}, sent once otherwise.
     */
    record Send(int user, String text, String clientMessageId, String to, boolean byHandle, List<Call> attempts) {
    }

    /** A deletion as the client means it: one of its messages, retried until a definitive answer (it is idempotent). */
    record Deletion(int user, String group, String message, List<Call> attempts) {
        boolean acknowledged() {
            return attempts.stream().anyMatch(call -> call.status() == 204);
        }
    }

    /**
     * A fault as it was done: the pid it met, whether its effect was seen ({@code verified}), the pid that replaced
     * a killed process (-1: none), why a restart failed (null: it did not), and whether it counts in the report's
     * {@code faults=} (verified, and whatever it killed came back).
     */
    record Fault(String kind, String target, long pid, boolean verified, long restartedPid, String failure, boolean counted,
                 long startMs, long endMs) {
        /** The process's name in the cluster: {@code service-0}, {@code dynamodb}, {@code postgres}. */
        String node() {
            return target.split(" ")[0];
        }
    }

    /** One connection of an event-stream follower, from its opening to its end. */
    record Session(int user, int instance, String lastEventIdSent, long openedMs, long endedMs, int status,
                   List<Event> events) {
    }

    record Event(String id, String name, String data, long atMs) {
    }

    private final long startNanos = System.nanoTime();
    private final List<Call> calls = new ArrayList<>();
    private final List<Send> sends = new ArrayList<>();
    private final List<Deletion> deletions = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();

    long nowMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    long toMs(long nanos) {
        return (nanos - startNanos) / 1_000_000;
    }

    synchronized void add(Call call) {
        calls.add(call);
    }

    synchronized void add(Send send) {
        sends.add(send);
        calls.addAll(send.attempts());
    }

    synchronized void add(Deletion deletion) {
        deletions.add(deletion);
        calls.addAll(deletion.attempts());
    }

    synchronized void add(Fault fault) {
        faults.add(fault);
    }

    synchronized void add(Session session) {
        sessions.add(session);
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Send> sends() {
        return List.copyOf(sends);
    }

    synchronized List<Deletion> deletions() {
        return List.copyOf(deletions);
    }

    synchronized List<Fault> faults() {
        return List.copyOf(faults);
    }

    synchronized List<Session> sessions() {
        return List.copyOf(sessions);
    }

    synchronized void writeTo(Path file) {
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (Fault fault : faults) {
                out.write(json.writeValueAsString(Map.of("fault", fault)));
                out.newLine();
            }
            for (Send send : sends) {
                out.write(json.writeValueAsString(Map.of("send", send)));
                out.newLine();
            }
            for (Deletion deletion : deletions) {
                out.write(json.writeValueAsString(Map.of("deletion", deletion)));
                out.newLine();
            }
            for (Call call : calls) {
                if (!call.kind().startsWith("send") && !call.kind().equals("delete")) {
                    out.write(json.writeValueAsString(Map.of("call", call)));
                    out.newLine();
                }
            }
            for (Session session : sessions) {
                out.write(json.writeValueAsString(Map.of("session", session)));
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
