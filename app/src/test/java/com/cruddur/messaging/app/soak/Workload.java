package com.cruddur.messaging.app.soak;

import com.cruddur.messaging.adapter.http.SseConnection;
import com.cruddur.messaging.adapter.http.SseConnection.SseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Many users at once, each on a thread with its own seeded random choices: sends by handle and by group
 * (most with a {@code client_message_id}, retried after a timeout, a connection error or a 503 until a
 * definitive answer, as a mobile client does), deletions of their own messages (retried the same way), lists of
 * groups, paginated reads, mark-read; some pairs race
 * to create their group from both sides at the start; some users follow their events and reconnect with
 * {@code Last-Event-ID} when a stream breaks. Each user talks to a random instance per call, as through a
 * load balancer.
 */
final class Workload {
    static final int USERS = 20;
    static final int FOLLOWERS = 6;
    /** Pairs (i, i + 10) for i below this race to create their group by handle from both sides at once. */
    static final int RACING_PAIRS = 5;
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(45);

    private final Cluster cluster;
    private final List<SoakUser> users;
    private final long seed;
    private final History history;
    private final Calls calls;
    private final AtomicBoolean working = new AtomicBoolean(true);
    private final AtomicBoolean following = new AtomicBoolean(true);
    private final CyclicBarrier race = new CyclicBarrier(2 * RACING_PAIRS);
    private final List<Thread> clients = new ArrayList<>();
    private final List<Thread> followers = new ArrayList<>();

    Workload(Cluster cluster, List<SoakUser> users, long seed, History history) {
        this.cluster = cluster;
        this.users = users;
        this.seed = seed;
        this.history = history;
        this.calls = new Calls(cluster, history);
    }

    /** The partners of user i: its neighbours on a ring of all users, and the user ten places on. */
    static List<Integer> partners(int user) {
        return List.of((user + 1) % USERS, (user + USERS - 1) % USERS, (user + USERS / 2) % USERS);
    }

    /** A message of the user's that a send got acknowledged: its group and its uuid. */
    private record Sent(String group, String message) {
    }

    void start() {
        for (SoakUser user : users) {
            Thread client = new Thread(() -> work(user), "soak-client-" + user.index());
            clients.add(client);
            client.start();
        }
        for (int i = 0; i < FOLLOWERS; i++) {
            SoakUser user = users.get(i);
            Thread follower = new Thread(() -> follow(user), "soak-follower-" + user.index());
            followers.add(follower);
            follower.start();
        }
    }

    /** Stops the clients (each finishes the send it is retrying); the followers keep listening. */
    void stopClients() throws InterruptedException {
        working.set(false);
        for (Thread client : clients) {
            client.join();
        }
    }

    void stopFollowers() throws InterruptedException {
        following.set(false);
        for (Thread follower : followers) {
            follower.join();
        }
    }

    private void work(SoakUser user) {
        Random random = new Random(seed * 1_000 + user.index());
        Map<String, String> groups = new HashMap<>(); // partner handle -> group
        List<Sent> sent = new ArrayList<>(); // this user's acknowledged sends
        int[] sequence = {0};
        if (user.index() % (USERS / 2) < RACING_PAIRS) {
            SoakUser rival = users.get((user.index() + USERS / 2) % USERS);
            try {
                race.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the racing pairs did not meet", e);
            }
            send(user, random, groups, sent, sequence, rival.handle(), true);
        }
        while (working.get()) {
            Node.sleep(100 + random.nextInt(500));
            SoakUser partner = users.get(partners(user.index()).get(random.nextInt(3)));
            String group = groups.get(partner.handle());
            int choice = random.nextInt(100);
            if (choice < 25 || (choice < 50 && group == null)) {
                send(user, random, groups, sent, sequence, partner.handle(), true);
            } else if (choice < 50) {
                send(user, random, groups, sent, sequence, group, false);
            } else if (choice < 55 && !sent.isEmpty()) {
                delete(user, random, sent.remove(random.nextInt(sent.size())));
            } else if (choice < 70) {
                listGroups(user, random, groups);
            } else if (choice < 85 && group != null) {
                readPages(user, random, group);
            } else if (group != null) {
                history.add(calls.call(user.index(), "mark read", random.nextInt(Cluster.INSTANCES), user.token(),
                        "/api/message_groups/" + group + "/read", "{}"));
            }
        }
    }

    private void send(SoakUser user, Random random, Map<String, String> groups, List<Sent> sent, int[] sequence,
                      String to, boolean byHandle) {
        int number = ++sequence[0];
        String text = "u" + user.index() + "-" + number + " to " + to;
        String clientMessageId = random.nextInt(10) < 9 ? "u" + user.index() + "-" + number : null;
        String json = "{\"message\":\"" + text + "\",\"" + (byHandle ? "handle" : "message_group_uuid") + "\":\"" + to + "\""
                + (clientMessageId == null ? "" : ",\"client_message_id\":\"" + clientMessageId + "\"") + "}";
        List<History.Call> attempts = new ArrayList<>();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (true) {
            History.Call attempt = calls.call(user.index(), byHandle ? "send by handle" : "send by group",
                    random.nextInt(Cluster.INSTANCES), user.token(), "/api/messages", json);
            attempts.add(attempt);
            boolean definitive = attempt.answered() && attempt.status() != 503 && attempt.status() != 429
                    && attempt.status() < 500;
            if (definitive || clientMessageId == null || System.nanoTime() > deadline) {
                break;
            }
            Node.sleep(200 + random.nextInt(800));
        }
        history.add(new History.Send(user.index(), text, clientMessageId, to, byHandle, attempts));
        History.Call last = attempts.get(attempts.size() - 1);
        if (last.status() == 200) {
            String group = Calls.field(Calls.body(last), "message_group_uuid");
            sent.add(new Sent(group, Calls.field(Calls.body(last), "uuid")));
            if (byHandle) {
                groups.put(to, group);
            }
        }
    }

    /** Deletes one of the user's messages, retried until a definitive answer, as a client does (it is idempotent). */
    private void delete(SoakUser user, Random random, Sent message) {
        List<History.Call> attempts = new ArrayList<>();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (true) {
            History.Call attempt = calls.call(user.index(), "delete", random.nextInt(Cluster.INSTANCES), user.token(),
                    "/api/messages/" + message.group() + "/" + message.message(), null, "DELETE");
            attempts.add(attempt);
            boolean definitive = attempt.answered() && attempt.status() != 503 && attempt.status() != 429
                    && attempt.status() < 500;
            if (definitive || System.nanoTime() > deadline) {
                break;
            }
            Node.sleep(200 + random.nextInt(800));
        }
        history.add(new History.Deletion(user.index(), message.group(), message.message(), attempts));
    }

    private void listGroups(SoakUser user, Random random, Map<String, String> groups) {
        History.Call call = calls.call(user.index(), "list groups", random.nextInt(Cluster.INSTANCES), user.token(),
                "/api/message_groups?limit=50", null);
        history.add(call);
        if (call.status() == 200) {
            Calls.json(Calls.body(call)).forEach(listed -> groups.putIfAbsent(listed.get("handle").asText(),
                    listed.get("uuid").asText()));
        }
    }

    /** A conversation read as a client scrolls back: up to three pages of five, following the Link header. */
    private void readPages(SoakUser user, Random random, String group) {
        String path = "/api/messages/" + group + "?limit=5";
        for (int page = 0; page < 3 && path != null; page++) {
            History.Call call = calls.call(user.index(), "read page " + page, random.nextInt(Cluster.INSTANCES), user.token(),
                    path, null);
            history.add(call);
            path = call.status() == 200 ? Calls.next(call).orElse(null) : null;
        }
    }

    /**
     * Follows the user's events on a random instance; when the stream breaks, reconnects (to a random
     * instance) with the last event's id, or without one after a {@code resync}, as a browser's EventSource
     * and a client that honours resync would.
     */
    private void follow(SoakUser user) {
        Random random = new Random(seed * 1_000 + 500 + user.index());
        String lastEventId = null;
        while (following.get()) {
            int instance = random.nextInt(Cluster.INSTANCES);
            Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + user.token()));
            if (lastEventId != null) {
                headers.put("Last-Event-ID", lastEventId);
            }
            long opened = history.nowMs();
            SseConnection connection;
            try {
                connection = SseConnection.open(cluster.service(instance), "/api/events", headers);
            } catch (RuntimeException refused) {
                history.add(new History.Session(user.index(), instance, lastEventId, opened, history.nowMs(), 0, List.of()));
                Node.sleep(500);
                continue;
            }
            boolean resynced = false;
            try (connection) {
                while (following.get() && !connection.ended()
                        && connection.named("resync").isEmpty()) {
                    Node.sleep(50);
                }
                resynced = !connection.named("resync").isEmpty();
            }
            List<History.Event> events = new ArrayList<>();
            for (SseEvent event : connection.events()) {
                events.add(new History.Event(event.id(), event.name(), event.data(), history.toMs(event.arrivedNanos())));
                if (event.id() != null && !event.id().isEmpty()) {
                    lastEventId = event.id();
                }
            }
            history.add(new History.Session(user.index(), instance, headers.get("Last-Event-ID"), opened, history.nowMs(),
                    connection.status(), events));
            if (resynced) {
                lastEventId = null;
            }
            if (connection.status() != 200) {
                Node.sleep(500);
            }
        }
    }
}
