package com.cruddur.messaging.app.cli;

import static com.cruddur.messaging.app.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import com.cruddur.messaging.adapter.postgres.users.NewUser;
import com.cruddur.messaging.adapter.postgres.users.PostgresUserDirectory;
import com.cruddur.messaging.app.TestEngines;
import com.cruddur.messaging.devengines.EmbeddedPostgresEngine;
import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.model.ClientMessageId;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.MessageText;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A user to erase, on a database and table of her own (for {@code UsersEraseTest} and the erase benchmark): Erin, with
 * a name, an e-mail address and texts no one else has, in conversations with friends. She writes each friend
 * {@code each} messages and gets one back after every ten of hers; her first message to each is named by her client;
 * she marked her first conversation read and blocks her first friend.
 */
public final class ErasableUser {
    public final Map<String, Object> settings;
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final User user = new User(new UserId(UUID.randomUUID()), new Handle("erin-" + tag), "Erin Erasable " + tag,
            Optional.of(new CognitoUserId("cognito-erin-" + tag)));
    final String email = "erin-" + tag + "@example.org";
    final List<String> texts = new ArrayList<>();
    final List<String> replies = new ArrayList<>();
    final List<MessageGroupId> conversations = new ArrayList<>();
    final String store;

    public ErasableUser(String store, int friends, int each) {
        this.store = store;
        settings = new HashMap<>(TestEngines.settings(store, "postgres"));
        String name = "cli_erase_" + store + "_" + System.nanoTime();
        settings.put("datasources.default.url", TestEngines.POSTGRES.jdbcUrl(name));
        settings.put("cruddur.dynamodb.table", name);
        settings.put("cruddur.dynamodb.create-table", true);
        settings.put("cruddur.demo-data", false);
        // Nobody sends as Erin while she is erased here: the erasure need not wait for other instances' sign-ins.
        settings.put("cruddur.users.erase-waits-for", "0s");
        assertThat(run(settings, "db", "setup").exit()).isZero();
        try (ApplicationContext context = context()) {
            List<User> others = new ArrayList<>();
            List<NewUser> seeded = new ArrayList<>(List.of(new NewUser(user, email)));
            for (int i = 0; i < friends; i++) {
                User friend = new User(new UserId(UUID.randomUUID()), new Handle("friend" + i + "-" + tag),
                        "Friend " + i, Optional.empty());
                others.add(friend);
                seeded.add(new NewUser(friend, "friend" + i + "-" + tag + "@example.org"));
            }
            context.getBean(PostgresUserDirectory.class).seed(seeded);
            ConversationStore conversationStore = context.getBean(ConversationStore.class);
            for (User friend : others) {
                conversations.add(talk(conversationStore, friend, each));
            }
            Message read = conversationStore.latestMessage(conversations.get(0)).orElseThrow();
            conversationStore.projectReads(conversationStore.markRead(conversations.get(0), user.id(), read.createdAt()));
            context.getBean(Blocks.class).block(user.id(), others.get(0).id());
        }
    }

    public String handle() {
        return user.handle().value();
    }

    private MessageGroupId talk(ConversationStore store, User friend, int each) {
        MessageGroup group = new MessageGroup(new MessageGroupId(UUID.randomUUID()), user.profile(), friend.profile());
        Timestamp at = new Timestamp(Instant.now());
        String first = "erin's secret " + tag + " " + texts.size();
        texts.add(first);
        store.create(group, draft(user, first, at, Optional.of(new ClientMessageId("erin-" + tag + "-" + texts.size()))));
        List<Message> stored = new ArrayList<>(store.messages(group.id(), PageRequest.firstPage()).items());
        int hers = 1;
        for (int i = 1; hers < each; i++) {
            at = at.nextMicrosecond();
            boolean fromHer = i % 11 != 0;
            String text = fromHer ? "erin's secret " + tag + " " + texts.size() : "a reply to erin " + tag + " " + replies.size();
            (fromHer ? texts : replies).add(text);
            stored.add(store.append(group.id(), draft(fromHer ? user : friend, text, at, Optional.empty())));
            hers += fromHer ? 1 : 0;
        }
        store.project(stored); // as the stream would, where summaries follow it
        return group.id();
    }

    public ApplicationContext context() {
        return ApplicationContext.builder().environments("dev").properties(settings).start();
    }

    long tombstones() {
        return tombstonesById().size();
    }

    /** Her messages as they are now that are tombstones carrying her erased profile. */
    public Map<MessageId, Message> tombstonesById() {
        try (ApplicationContext context = context()) {
            ConversationStore store = context.getBean(ConversationStore.class);
            return conversations.stream().flatMap(group -> all(store, group).stream())
                    .filter(message -> message.isDeleted() && message.sender().equals(user.erased().profile()))
                    .collect(Collectors.toMap(Message::id, message -> message));
        }
    }

    public void holdsNothingOfHerAndTheOthersKeepTheirs() {
        List<String> held = everythingHeld();
        for (String text : List.of(texts.get(0), texts.get(texts.size() - 1), handle(), user.displayName(), email,
                "cognito-erin-" + tag)) {
            assertThat(held).as("a scan finds %s", text).noneMatch(value -> value.contains(text));
        }
        assertThat(held).noneMatch(value -> value.contains("erin's secret " + tag));
        assertThat(held).anyMatch(value -> value.contains(replies.get(0)));
        try (ApplicationContext context = context()) {
            ConversationStore conversationStore = context.getBean(ConversationStore.class);
            List<String> left = conversations.stream().flatMap(group -> all(conversationStore, group).stream())
                    .map(Message::text).filter(text -> !text.isEmpty()).toList();
            assertThat(left).containsExactlyInAnyOrderElementsOf(replies);
            for (MessageGroupId group : conversations) {
                MessageGroup members = conversationStore.group(group).orElseThrow();
                UserId friend = members.otherThan(user.id()).id();
                List<GroupSummary> theirs = conversationStore.summaries(friend, PageRequest.firstPage()).items();
                assertThat(theirs).singleElement().satisfies(summary ->
                        assertThat(summary.other()).isEqualTo(user.erased().profile()));
            }
            assertThat(conversationStore.summaries(user.id(), PageRequest.firstPage()).items()).isEmpty();
            assertThat(context.getBean(Blocks.class).blockedBy(user.id())).isEmpty();
            assertThat(context.getBean(PostgresUserDirectory.class).byId(user.id())).contains(user.erased());
        }
    }

    /**
     * What the stores hold, as text: every string attribute of every item of the table (DynamoDB) and every row of
     * every table of the database, each row whole.
     */
    List<String> everythingHeld() {
        List<String> held = new ArrayList<>();
        if ("dynamodb".equals(store)) {
            try (ApplicationContext context = context()) {
                String table = (String) settings.get("cruddur.dynamodb.table");
                context.getBean(DynamoDbClient.class).scanPaginator(scan -> scan.tableName(table)).items().stream()
                        .flatMap(item -> item.values().stream()).map(AttributeValue::s)
                        .filter(value -> value != null).forEach(held::add);
            }
        }
        String url = (String) settings.get("datasources.default.url");
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresEngine.USER, "")) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    tables.add(found.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (PreparedStatement rows = connection.prepareStatement("SELECT t::text FROM public.\"" + table + "\" t");
                     ResultSet row = rows.executeQuery()) {
                    while (row.next()) {
                        held.add(row.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return held;
    }

    private static List<Message> all(ConversationStore store, MessageGroupId group) {
        List<Message> all = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Message> page = store.messages(group, request);
            all.addAll(page.items());
            if (page.next().isEmpty()) {
                return all;
            }
            request = request.after(page.next().get());
        }
    }

    private static NewMessage draft(User sender, String text, Timestamp at, Optional<ClientMessageId> clientId) {
        return new NewMessage(new MessageId(UUID.randomUUID()), sender.profile(), MessageText.of(text), at, clientId);
    }
}
