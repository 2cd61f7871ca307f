package com.cruddur.messaging.app.cli;

import static com.cruddur.messaging.app.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.app.DemoUsers;
import com.cruddur.messaging.app.TestEngines;
import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.MessageText;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.User;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code users export} on both stores: a user with hundreds of messages in several conversations (pages of 100: each read more than once) gets every message
 * they sent, each conversation with their marker, their blocks and the totals — and nothing of a conversation they
 * are not in. To a file, the same lines, moved into place whole.
 */
class UsersExportTest {
    private static final int MESSAGES_EACH_WAY = 120;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dynamodb", "postgres"})
    void everythingAUserSentAndNothingElse(String store) throws IOException {
        Map<String, Object> settings = new HashMap<>(TestEngines.settings(store, "postgres"));
        String name = "cli_users_" + store + "_" + System.nanoTime();
        settings.put("datasources.default.url", TestEngines.POSTGRES.jdbcUrl(name));
        settings.put("cruddur.dynamodb.table", name);
        settings.put("cruddur.dynamodb.create-table", true);
        settings.put("cruddur.demo-data", false);
        assertThat(run(settings, "db", "setup").exit()).isZero();
        int sent = converse(settings);

        CommandLineTest.Run export = run(settings, "users", "export", "@andrewbrown");
        Path file = directory.resolve("andrew.jsonl");
        CommandLineTest.Run toFile = run(settings, "users", "export", "andrewbrown", "--output", file.toString());

        assertThat(export.exit()).as(export.err()).isZero();
        List<String> lines = export.out().lines().toList();
        assertThat(lines.get(0)).startsWith("{\"type\":\"account\",\"uuid\":\"" + DemoUsers.ANDREW.id() + "\",\"handle\":\"andrewbrown\"");
        assertThat(lines).filteredOn(line -> line.startsWith("{\"type\":\"conversation\"")).hasSize(2)
                .anyMatch(line -> line.contains("\"handle\":\"bayko\"") && line.contains("\"last_read_at\":\""))
                .anyMatch(line -> line.contains("\"handle\":\"londo\""));
        List<String> messages = lines.stream().filter(line -> line.startsWith("{\"type\":\"message\"")).toList();
        assertThat(messages).hasSize(sent).allMatch(line -> line.contains("\"message\":\"from andrew "));
        assertThat(lines).filteredOn(line -> line.startsWith("{\"type\":\"block\"")).singleElement().asString()
                .contains("\"handle\":\"londo\"");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("{\"type\":\"totals\",\"conversations\":2,\"messages\":" + sent
                + ",\"blocks\":1}");
        assertThat(export.err()).as("a line per tenth when not on a terminal").contains("export: 50% (1 of 2",
                "export: 100% (2 of 2 conversations, " + sent + " messages)");

        assertThat(toFile.exit()).as(toFile.err()).isZero();
        assertThat(toFile.out()).contains("exported andrewbrown to " + file + ": 2 conversations, " + sent + " messages");
        assertThat(Files.readAllLines(file)).isEqualTo(lines);
        try (var left = Files.list(directory)) {
            assertThat(left).containsExactly(file);
        }
        CommandLineTest.Run unknown = run(settings, "users", "export", "@nobody-at-all");
        assertThat(unknown.exit()).isEqualTo(64);
        assertThat(unknown.err()).startsWith("cruddur-messaging: no user with handle @nobody-at-all");
    }

    /**
     * andrew and bayko write to each other, andrew and londo too, bayko and londo without andrew; andrew reads bayko's
     * messages and blocks londo. Returns how many andrew sent.
     */
    private static int converse(Map<String, Object> settings) {
        try (ApplicationContext context = ApplicationContext.builder().environments("dev").properties(settings).start()) {
            ConversationStore store = context.getBean(ConversationStore.class);
            int andrews = 0;
            MessageGroup withBayko = talk(store, DemoUsers.ANDREW, DemoUsers.BAYKO, "from andrew ", "from bayko ");
            andrews += MESSAGES_EACH_WAY;
            talk(store, DemoUsers.ANDREW, DemoUsers.LONDO, "from andrew ", "from londo ");
            andrews += MESSAGES_EACH_WAY;
            talk(store, DemoUsers.BAYKO, DemoUsers.LONDO, "from bayko ", "from londo ");
            Message newest = store.latestMessage(withBayko.id()).orElseThrow();
            store.projectReads(store.markRead(withBayko.id(), DemoUsers.ANDREW.id(), newest.createdAt()));
            context.getBean(Blocks.class).block(DemoUsers.ANDREW.id(), DemoUsers.LONDO.id());
            return andrews;
        }
    }

    private static MessageGroup talk(ConversationStore store, User first, User second, String firstSays, String secondSays) {
        MessageGroup group = new MessageGroup(new MessageGroupId(UUID.randomUUID()), first.profile(), second.profile());
        Timestamp at = new Timestamp(Instant.now());
        store.create(group, draft(first, firstSays + 0, at));
        List<Message> stored = new ArrayList<>(store.messages(group.id(), PageRequest.firstPage()).items());
        for (int i = 1; i < 2 * MESSAGES_EACH_WAY; i++) {
            at = at.nextMicrosecond();
            boolean firsts = i % 2 == 0;
            stored.add(store.append(group.id(), draft(firsts ? first : second, (firsts ? firstSays : secondSays) + i, at)));
        }
        store.project(stored); // as the stream would, where summaries follow it
        return group;
    }

    private static NewMessage draft(User sender, String text, Timestamp at) {
        return new NewMessage(new MessageId(UUID.randomUUID()), sender.profile(), MessageText.of(text), at);
    }
}
