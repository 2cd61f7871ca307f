package com.cruddur.messaging.app.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Faults on a schedule drawn from the seed (the same seed, the same faults at the same times): on average one
 * every 7 s, each of a kind drawn in turn from every kind the cluster has — {@code kill -9} of a service
 * instance and of the one that polls the stream (then a restart), a pause of an instance (SIGSTOP, 1–5 s,
 * SIGCONT), {@code kill -9} of DynamoDB Local and of PostgreSQL's postmaster (then a restart on the same
 * data), a pause of each engine. Faults of one process take their turns (the cluster holds the process's
 * monitor for the whole fault); each fault's record says which pid it met and whether its effect was seen.
 */
final class Nemesis {
    enum Kind { KILL_SERVICE, KILL_POLLER, PAUSE_SERVICE, KILL_DYNAMODB, PAUSE_DYNAMODB, KILL_POSTGRES, PAUSE_POSTGRES }

    /** One planned fault: when (ms after the run's start), what, on which instance, for how long. */
    record Planned(long atMs, Kind kind, int instance, Duration length) {
    }

    private final Cluster cluster;
    private final History history;
    private final List<Planned> schedule;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> faults = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Thread thread;

    Nemesis(Cluster cluster, History history, long seed, Duration runFor) {
        this.cluster = cluster;
        this.history = history;
        this.schedule = plan(new Random(seed), runFor, cluster.hasDynamoDb());
    }

    static List<Planned> plan(Random random, Duration runFor, boolean dynamoDb) {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
        if (!dynamoDb) {
            kinds.removeAll(List.of(Kind.KILL_DYNAMODB, Kind.PAUSE_DYNAMODB));
        }
        List<Planned> planned = new ArrayList<>();
        long at = 3_000;
        while (at < runFor.toMillis()) {
            // Every kind once per round, in a seeded order, so that a short run has each kind too.
            List<Kind> order = new ArrayList<>(kinds);
            java.util.Collections.shuffle(order, random);
            for (Kind kind : order) {
                if (at >= runFor.toMillis()) {
                    break;
                }
                planned.add(new Planned(at, kind, random.nextInt(Cluster.INSTANCES), Duration.ofMillis(1_000 + random.nextInt(4_000))));
                at += 2_000 + random.nextInt(10_000);
            }
        }
        return planned;
    }

    void start() {
        thread = new Thread(this::run, "soak-nemesis");
        thread.start();
    }

    /** Stops injecting; the faults in progress finish (their restarts included). */
    void stop() throws InterruptedException {
        running.set(false);
        thread.join();
        for (Thread fault : faults) {
            fault.join();
        }
    }

    /**
     * Each fault at its time on a thread of its own: a fault may begin while another is still in progress (a
     * kill while the database is paused), as in life; faults of one process take their turns.
     */
    private void run() {
        for (Planned fault : schedule) {
            while (running.get() && history.nowMs() < fault.atMs()) {
                Node.sleep(20);
            }
            if (!running.get()) {
                return;
            }
            Thread injection = new Thread(() -> {
                long start = history.nowMs();
                Injected injected = inject(fault);
                Effect effect = injected.effect();
                history.add(new History.Fault(fault.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                        injected.target(), effect.pid(), effect.verified(), effect.restartedPid(), effect.failure(),
                        effect.counted(), start, history.nowMs()));
            }, "soak-fault-" + fault.atMs());
            faults.add(injection);
            injection.start();
        }
    }

    /** A fault as done: on which process (by its name in the cluster) and what it did. */
    private record Injected(String target, Effect effect) {
    }

    private Injected inject(Planned fault) {
        return switch (fault.kind()) {
            case KILL_SERVICE -> new Injected("service-" + fault.instance(),
                    cluster.killService(fault.instance(), fault.length().dividedBy(2)));
            case KILL_POLLER -> new Injected("service-" + cluster.poller()
                    + (cluster.hasDynamoDb() ? " (stream poller)" : " (no poller: the first instance)"),
                    cluster.killService(cluster.poller(), fault.length().dividedBy(2)));
            case PAUSE_SERVICE -> new Injected("service-" + fault.instance(), cluster.pauseService(fault.instance(), fault.length()));
            case KILL_DYNAMODB -> new Injected("dynamodb", cluster.killDynamoDb(fault.length().dividedBy(2)));
            case PAUSE_DYNAMODB -> new Injected("dynamodb", cluster.pauseDynamoDb(fault.length()));
            case KILL_POSTGRES -> new Injected("postgres (postmaster)", cluster.killPostgres(fault.length().dividedBy(2)));
            case PAUSE_POSTGRES -> new Injected("postgres (postmaster and backends)", cluster.pausePostgres(fault.length()));
        };
    }
}
