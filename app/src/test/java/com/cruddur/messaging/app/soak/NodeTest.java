package com.cruddur.messaging.app.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.app.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The soak's harness on a stand-in process ({@link StandInProcess}): a start that never becomes ready leaves nothing
 * running, faults meet the live process and say what they did, and nothing outlives the node. What is asserted is
 * which processes live, never how long anything took.
 */
class NodeTest {
    private Path directory;
    private int port;
    private Node node;

    @BeforeEach
    void standIn() throws Exception {
        directory = Files.createTempDirectory("cruddur-node-test-");
        port = FreePorts.pick();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        node = new Node("stand-in", List.of(java, "-cp", System.getProperty("java.class.path"), StandInProcess.class.getName(),
                String.valueOf(port), directory.resolve("silent-once").toString()), Map.of(Cluster.RUN_MARKER, directory.toString()),
                directory.resolve("stand-in.log"), port, log -> Node.readOrEmpty(log).contains("ready"), Duration.ofSeconds(5));
    }

    @AfterEach
    void nothingLeft() {
        node.stop();
        assertThat(Procs.carrying(directory.toString())).as("processes of the test left behind").isEmpty();
    }

    @Test
    void aStartThatNeverBecomesReadyLeavesNothingRunningAndTheNextKillReachesTheLiveProcess() {
        assertThatThrownBy(node::start).hasMessageContaining("did not become ready").hasMessageContaining("killed and reaped");
        assertThat(Procs.carrying(directory.toString())).as("the start that was not ready").isEmpty();
        assertThat(Procs.portFree(port)).isTrue();

        node.start();
        long live = node.pid();
        assertThat(Procs.listens(live, port)).isTrue();

        Node.Seen killed = node.kill();

        assertThat(killed).isEqualTo(new Node.Seen(live, true));
        assertThat(Procs.carrying(directory.toString())).isEmpty();
    }

    @Test
    void twoKillAndRestartsOfOneProcessAtOnceTakeTurnsAndLeaveOneLiveProcess() throws Exception {
        Files.createFile(directory.resolve("silent-once"));
        node.start();
        long first = node.pid();

        CompletableFuture<Effect> one = CompletableFuture.supplyAsync(() -> node.killAndRestart(Duration.ofMillis(100)));
        CompletableFuture<Effect> other = CompletableFuture.supplyAsync(() -> node.killAndRestart(Duration.ofMillis(100)));
        List<Effect> effects = List.of(one.join(), other.join());

        assertThat(effects).allMatch(Effect::counted);
        Effect earlier = effects.stream().filter(effect -> effect.pid() == first).findFirst().orElseThrow();
        Effect later = effects.stream().filter(effect -> effect != earlier).findFirst().orElseThrow();
        assertThat(later.pid()).as("the second kill meets what the first restart started").isEqualTo(earlier.restartedPid());
        assertThat(Procs.carrying(directory.toString())).containsExactly(node.pid()).containsExactly(later.restartedPid());
    }

    @Test
    void aStartRefusesWhileTheProcessLives() throws Exception {
        Files.createFile(directory.resolve("silent-once"));
        node.start();
        long live = node.pid();

        assertThatThrownBy(node::start).hasMessageContaining("still running as pid " + live);
        assertThat(Procs.carrying(directory.toString())).containsExactly(live);
    }

    @Test
    void aPauseIsSeenAndAPauseOfNoProcessIsNot() throws Exception {
        Files.createFile(directory.resolve("silent-once"));
        node.start();
        long live = node.pid();

        assertThat(node.pause(Duration.ofMillis(100))).isEqualTo(Effect.paused(live, true));
        assertThat(Procs.stopped(live)).as("continued after the pause").isFalse();
        node.kill();
        assertThat(node.pause(Duration.ofMillis(100)).verified()).isFalse();
        assertThat(node.kill().verified()).as("a kill of a process already dead").isFalse();
    }
}
