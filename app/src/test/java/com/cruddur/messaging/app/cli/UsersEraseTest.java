package com.cruddur.messaging.app.cli;

import static com.cruddur.messaging.app.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code users erase} on both stores, against what the stores hold afterwards: a scan of every item (DynamoDB) and
 * every row of every table (PostgreSQL) finds none of the user's texts, handle, name or e-mail address; the other
 * members' messages and conversations stay. The long test kills an erasure of thousands of messages in the middle
 * (its process, by its PID) and runs it again.
 */
class UsersEraseTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dynamodb", "postgres"})
    void aUsersDataIsErasedOnlyWhenConfirmedAndAScanFindsNoneOfIt(String store) {
        ErasableUser erin = new ErasableUser(store, 3, 30);

        CommandLineTest.Run unconfirmed = run(erin.settings, "users", "erase", "@" + erin.handle());
        CommandLineTest.Run dryRun = run(erin.settings, "users", "erase", erin.handle(), "--dry-run");

        assertThat(unconfirmed.exit()).isEqualTo(64);
        assertThat(unconfirmed.err()).contains("cannot be undone").contains("--yes");
        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).startsWith("would erase " + erin.handle() + ": 3 conversations, 90 messages made"
                + " tombstones, 1 blocks; the account would become @deleted-").contains("nothing changed");
        assertThat(erin.tombstones()).isZero();
        assertThat(erin.everythingHeld()).anyMatch(value -> value.contains(erin.texts.get(0)));

        CommandLineTest.Run erased = run(erin.settings, "users", "erase", "@" + erin.handle(), "--yes");

        assertThat(erased.exit()).as(erased.err()).isZero();
        assertThat(erased.out()).startsWith("erased @" + erin.handle() + ": 3 conversations, 90 messages made tombstones,"
                + " 1 blocks, 3 send ids, 0 stored events; the account is now @deleted-");
        assertThat(erased.err()).contains("erase: 100% (90 of 90 messages)");
        erin.holdsNothingOfHerAndTheOthersKeepTheirs();
        CommandLineTest.Run again = run(erin.settings, "users", "erase", "@" + erin.handle(), "--yes");
        assertThat(again.exit()).isEqualTo(64);
        assertThat(again.err()).contains("no user with handle @" + erin.handle());
    }

    @Tag("long") // CI runs it (README, Tests)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dynamodb", "postgres"})
    void anErasureKilledInTheMiddleFinishesWhenRunAgainAndErasesNothingTwice(String store) throws Exception {
        ErasableUser erin = new ErasableUser(store, 10, 200);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        erin.settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of(com.cruddur.messaging.app.Application.class.getName(), "users", "erase",
                "@" + erin.handle(), "--yes"));
        Process erasing = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean killedInTheMiddle = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(erasing.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("erase: 30%")) {
                    erasing.destroyForcibly(); // SIGKILL to its PID: no shutdown hook, no last write
                    killedInTheMiddle = true;
                    break;
                }
            }
        } finally {
            erasing.destroyForcibly();
            erasing.waitFor();
        }
        assertThat(killedInTheMiddle).as("the erasure reached 30% before it was killed").isTrue();
        Map<MessageId, Message> firstRun = erin.tombstonesById();
        assertThat(firstRun).hasSizeBetween(600, 1999);

        CommandLineTest.Run rerun = run(erin.settings, "users", "erase", "@" + erin.handle(), "--yes");

        assertThat(rerun.exit()).as(rerun.err()).isZero();
        assertThat(rerun.out()).as("the conversations and messages the first run left").startsWith("erased @" + erin.handle())
                .contains(" conversations, " + (2000 - firstRun.size()) + " messages made tombstones");
        assertThat(erin.tombstonesById()).hasSize(2000).containsAllEntriesOf(firstRun);
        erin.holdsNothingOfHerAndTheOthersKeepTheirs();
    }
}
