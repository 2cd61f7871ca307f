package com.cruddur.messaging.app.soak;

import com.cruddur.messaging.app.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fault soak (docs/reliability.md): {@link Cluster} of real processes, {@link Workload} of many users,
 * {@link Nemesis} on a seeded schedule, then heal, drain, and {@link Checker} over the history and the final
 * state. Prints what ran and what was violated, and as its last line
 * {@code soak: store=... seconds=... seed=... acknowledged=... faults=... violations=...}.
 */
public final class Soak {
    /** The outcome of a run: the last line's figures, and where its history and logs are. */
    public record Result(String store, long seconds, long seed, long acknowledged, int faults, int violations, Path directory,
                         String report) {
        public String line() {
            return String.format(Locale.ROOT, "soak: store=%s seconds=%d seed=%d acknowledged=%d faults=%d violations=%d",
                    store, seconds, seed, acknowledged, faults, violations);
        }
    }

    private Soak() {
    }

    public static Result run(String store, Duration duration, long seed, Path jar) throws Exception {
        Path directory = Files.createTempDirectory("cruddur-soak-" + store + "-");
        Phases phases = new Phases();
        Cluster cluster = new Cluster(store, jar, directory);
        // Interrupted (Ctrl-C, a build's timeout), the run still stops everything it started.
        Thread cleanUp = new Thread(cluster::close, "soak-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try (cluster) {
            cluster.start();
            phases.ended("start");
            List<SoakUser> users = users(cluster, seed);
            History history = new History();
            Workload workload = new Workload(cluster, users, seed, history);
            Nemesis nemesis = new Nemesis(cluster, history, seed, duration);
            phases.ended("users");
            workload.start();
            nemesis.start();
            Node.sleep(duration.toMillis());
            // The load ends with its time; faults still in progress (a restart) finish without it.
            workload.stopClients();
            nemesis.stop();
            phases.ended("load and faults");
            cluster.heal();
            phases.ended("heal");
            Calls calls = new Calls(cluster, history);
            List<Checker.Probe> probes = probe(users, calls, history);
            phases.ended("probes");
            awaitSummaries(users, calls);
            phases.ended("drain");
            Node.sleep(5_000); // the followers get what is still on its way
            workload.stopFollowers();
            phases.ended("followers");
            FinalState state = FinalState.read(cluster, users, calls);
            Map<String, List<String>> violations = new Checker(history, state, users).check(probes);
            bindFailures(directory).forEach(log -> violations.computeIfAbsent(
                    "no start of the run found its port taken", invariant -> new ArrayList<>()).add(log.toString()));
            history.writeTo(directory.resolve("history.jsonl"));
            phases.ended("check");
            cluster.close(); // throws when a process of the run outlives it
            String report = report(history, violations, seed) + "\n" + cluster.archive()
                    + "\nprocesses left behind: none (no live process carries " + directory + ")\n";
            long acknowledged = history.sends().stream()
                    .filter(send -> send.attempts().stream().anyMatch(call -> call.status() == 200)).count();
            int count = violations.values().stream().mapToInt(List::size).sum();
            int faults = (int) history.faults().stream().filter(History.Fault::counted).count();
            return new Result(store, duration.toSeconds(), seed, acknowledged, faults, count, directory,
                    "soak of the " + store + " store, seed " + seed + " (" + directory + ")\n" + report + "\n" + phases + "\n");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    /** The service logs of the run that show a start failing on a port still taken by another process. */
    private static List<Path> bindFailures(Path directory) throws IOException {
        try (Stream<Path> logs = Files.list(directory)) {
            return logs.filter(log -> log.getFileName().toString().startsWith("service-"))
                    .filter(log -> Node.readOrEmpty(log).contains("Address already in use")).sorted().toList();
        }
    }

    /** How long each phase of the run took, so that its fixed costs can be seen next to its length. */
    private static final class Phases {
        private final StringBuilder took = new StringBuilder("phases:");
        private long since = System.nanoTime();

        void ended(String phase) {
            long now = System.nanoTime();
            took.append(String.format(Locale.ROOT, " %s %.1f s;", phase, (now - since) / 1e9));
            since = now;
        }

        @Override
        public String toString() {
            return took.toString();
        }
    }

    /** The simulated users, as rows of the users table (as sign-up makes them), each with a dev token. */
    private static List<SoakUser> users(Cluster cluster, long seed) throws SQLException {
        Random random = new Random(seed);
        List<SoakUser> users = new ArrayList<>();
        Http http = new Http(cluster.service(0));
        try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl(), "postgres", "");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO users (uuid, display_name, handle, email,"
                     + " cognito_user_id) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < Workload.USERS; i++) {
                UUID uuid = new UUID(random.nextLong(), random.nextLong());
                String handle = String.format(Locale.ROOT, "soak%02d", i);
                insert.setObject(1, uuid);
                insert.setString(2, "Soak User " + i);
                insert.setString(3, handle);
                insert.setString(4, handle + "@soak.example");
                insert.setString(5, "soak-cognito-" + i);
                insert.executeUpdate();
                users.add(new SoakUser(i, uuid, handle, http.devToken(handle)));
            }
        }
        return users;
    }

    /**
     * After healing, each request a client makes, on each instance, until it succeeds: how long each took
     * (a read and a mark-read only once the send gave them a group; a send that never succeeds is a violation
     * of its own). Every attempt is in the history, the send's as a send like any other.
     */
    private static List<Checker.Probe> probe(List<SoakUser> users, Calls calls, History history) {
        SoakUser user = users.get(0);
        String partner = users.get(Workload.partners(user.index()).get(0)).handle();
        List<Checker.Probe> probes = new ArrayList<>();
        for (int instance = 0; instance < Cluster.INSTANCES; instance++) {
            int on = instance;
            probes.add(until("list groups on instance " + on, () -> recorded(history,
                    calls.call(user.index(), "probe list", on, user.token(), "/api/message_groups", null))));
            String text = "probe " + on + " to " + partner;
            String json = "{\"message\":\"" + text + "\",\"handle\":\"" + partner + "\",\"client_message_id\":\"probe-" + on + "\"}";
            List<History.Call> attempts = new ArrayList<>();
            probes.add(until("send on instance " + on, () -> {
                History.Call call = calls.call(user.index(), "send by handle", on, user.token(), "/api/messages", json);
                attempts.add(call);
                return call;
            }));
            history.add(new History.Send(user.index(), text, "probe-" + on, partner, true, attempts));
            Optional<String> group = attempts.stream().filter(call -> call.status() == 200).findFirst()
                    .map(call -> Calls.field(Calls.body(call), "message_group_uuid"));
            if (group.isPresent()) {
                probes.add(until("read page on instance " + on, () -> recorded(history, calls.call(user.index(),
                        "probe read", on, user.token(), "/api/messages/" + group.get() + "?limit=5", null))));
                probes.add(until("mark read on instance " + on, () -> recorded(history, calls.call(user.index(),
                        "probe mark read", on, user.token(), "/api/message_groups/" + group.get() + "/read", "{}"))));
            }
        }
        return probes;
    }

    private static History.Call recorded(History history, History.Call call) {
        history.add(call);
        return call;
    }

    private static Checker.Probe until(String request, Supplier<History.Call> call) {
        long started = System.nanoTime();
        while (System.nanoTime() - started < Duration.ofSeconds(30).toNanos()) {
            if (call.get().status() / 100 == 2) {
                return new Checker.Probe(request, (System.nanoTime() - started) / 1_000_000);
            }
            Node.sleep(200);
        }
        return new Checker.Probe(request, -1);
    }

    /** Until every user's list reads the same twice, two seconds apart (the stream has been drained), at most a minute. */
    private static void awaitSummaries(List<SoakUser> users, Calls calls) {
        String previous = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            StringBuilder lists = new StringBuilder();
            for (SoakUser user : users) {
                History.Call call = calls.call(user.index(), "drain", 0, user.token(), "/api/message_groups?limit=50", null);
                lists.append(call.status()).append(call.body());
            }
            if (lists.toString().equals(previous)) {
                return;
            }
            previous = lists.toString();
            Node.sleep(2_000);
        }
    }

    /** The tables of what ran and what was violated, as Markdown. */
    private static String report(History history, Map<String, List<String>> violations, long seed) {
        StringBuilder out = new StringBuilder("\n| operation | calls | 2xx | 4xx | 503 | other 5xx | no answer |\n|---|---|---|---|---|---|---|\n");
        Map<String, List<History.Call>> byKind = history.calls().stream()
                .collect(Collectors.groupingBy(call -> call.kind().replaceAll(" \\d+$", ""), TreeMap::new, Collectors.toList()));
        byKind.forEach((kind, calls) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d |%n", kind,
                calls.size(), count(calls, call -> call.status() / 100 == 2), count(calls, call -> call.status() / 100 == 4),
                count(calls, call -> call.status() == 503), count(calls, call -> call.status() >= 500 && call.status() != 503),
                count(calls, call -> !call.answered()))));
        long retried = history.sends().stream().filter(send -> send.attempts().size() > 1).count();
        out.append(String.format(Locale.ROOT, "%nsends: %d (%d retried), acknowledged: %d; event-stream sessions: %d%n",
                history.sends().size(), retried,
                history.sends().stream().filter(send -> send.attempts().stream().anyMatch(call -> call.status() == 200)).count(),
                history.sessions().size()));
        out.append("\n| fault | counted | not counted |\n|---|---|---|\n");
        history.faults().stream().collect(Collectors.groupingBy(History.Fault::kind, TreeMap::new, Collectors.toList()))
                .forEach((kind, faults) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d |%n", kind,
                        count(faults, History.Fault::counted), count(faults, fault -> !fault.counted()))));
        history.faults().stream().filter(fault -> !fault.counted()).forEach(fault -> out.append(String.format(Locale.ROOT,
                "not counted: %s of %s at %d ms (pid %d): %s%n", fault.kind(), fault.target(), fault.startMs(), fault.pid(),
                fault.failure() != null ? "restart failed: " + fault.failure() : "its effect was not seen")));
        if (violations.isEmpty()) {
            out.append("\nno invariant violated (seed ").append(seed).append(")\n");
        }
        violations.forEach((invariant, examples) -> {
            out.append(String.format(Locale.ROOT, "%nVIOLATED (seed %d): %s — %d times; for example:%n", seed, invariant,
                    examples.size()));
            examples.stream().limit(5).forEach(example -> out.append("  ").append(example).append('\n'));
        });
        return out.toString();
    }

    private static <T> long count(List<T> items, java.util.function.Predicate<T> which) {
        return items.stream().filter(which).count();
    }
}
