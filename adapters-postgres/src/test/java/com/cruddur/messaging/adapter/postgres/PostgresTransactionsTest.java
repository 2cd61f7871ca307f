package com.cruddur.messaging.adapter.postgres;

import com.cruddur.messaging.devengines.EmbeddedPostgresEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.adapter.postgres.conversations.PostgresConversationStore;
import com.cruddur.messaging.domain.application.port.out.GroupCreation;
import com.cruddur.messaging.domain.fixtures.Profiles;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.MessageText;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What PostgreSQL itself guarantees for the store: summaries move in the message's transaction, one group per pair. */
class PostgresTransactionsTest {
    private final PostgresConversationStore store = PostgresEngine.store();
    private final Profile alice = Profiles.random("alice");
    private final Profile bob = Profiles.random("bob");

    @Test
    void anAppendMovesBothSummariesInItsOwnTransactionWithoutAProjection() {
        MessageGroup group = start();

        Message reply = store.append(group.id(), draft(bob, "reply"));

        assertThat(store.summaries(alice.id(), PageRequest.firstPage()).items()).extracting(GroupSummary::lastMessage)
                .containsExactly("reply");
        assertThat(store.summaries(bob.id(), PageRequest.firstPage()).items()).extracting(GroupSummary::lastMessageAt)
                .containsExactly(reply.createdAt());
    }

    @Test
    void aFailedAppendLeavesNeitherMessageNorSummaryBehind() {
        MessageGroup group = start();
        Message first = store.append(group.id(), draft(bob, "first"));
        NewMessage sameId = new NewMessage(first.id(), alice, MessageText.of("same id again"),
                new Timestamp(Instant.now().plusSeconds(60)));

        assertThatThrownBy(() -> store.append(group.id(), sameId)).isInstanceOf(RuntimeException.class);

        assertThat(store.messages(group.id(), PageRequest.firstPage()).items()).extracting(Message::text)
                .containsExactly("hello", "first");
        assertThat(store.summaries(alice.id(), PageRequest.firstPage()).items()).extracting(GroupSummary::lastMessage)
                .containsExactly("first");
    }

    @Test
    void thePairConstraintRefusesASecondGroupEvenWrittenBehindTheStoresBack() throws Exception {
        MessageGroup group = start();
        try (Connection connection = DriverManager.getConnection(PostgresEngine.ENGINE.jdbcUrl("cruddur_test"),
                EmbeddedPostgresEngine.USER, "");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO message_groups (uuid, user_low, "
                     + "user_high, first_user_uuid, first_user_handle, first_user_display_name, second_user_uuid, "
                     + "second_user_handle, second_user_display_name, created_at) VALUES (?, ?, ?, ?, 'a', 'A', ?, 'b', 'B', now())")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, group.pair().low().value());
            insert.setObject(3, group.pair().high().value());
            insert.setObject(4, alice.id().value());
            insert.setObject(5, bob.id().value());

            assertThatThrownBy(insert::executeUpdate).hasMessageContaining("message_groups_one_per_pair");
        }
    }

    private MessageGroup start() {
        MessageGroup group = new MessageGroup(new MessageGroupId(UUID.randomUUID()), alice, bob);
        assertThat(store.create(group, draft(alice, "hello"))).isInstanceOf(GroupCreation.Created.class);
        return group;
    }

    private static NewMessage draft(Profile sender, String text) {
        return new NewMessage(new MessageId(UUID.randomUUID()), sender, MessageText.of(text), new Timestamp(Instant.now()));
    }
}
