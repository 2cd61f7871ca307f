package com.cruddur.messaging.adapter.postgres;

import com.cruddur.messaging.devengines.EmbeddedPostgresEngine;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.postgres.conversations.PostgresConversationStore;
import com.cruddur.messaging.domain.application.port.out.GroupCreation;
import com.cruddur.messaging.domain.fixtures.Profiles;
import com.cruddur.messaging.domain.model.ClientMessageId;
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
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Client message ids are kept 24 hours, then forgotten: the id is free again and the row goes away. */
class ClientMessageIdExpiryTest {
    private final PostgresConversationStore store = PostgresEngine.store();
    private final Profile alice = Profiles.random("alice");
    private final Profile bob = Profiles.random("bob");

    @Test
    void anIdIsKeptForADayAndFreeAfterIt() throws Exception {
        MessageGroup group = new MessageGroup(new MessageGroupId(UUID.randomUUID()), alice, bob);
        assertThat(store.create(group, draft("hello", "first-contact"))).isInstanceOf(GroupCreation.Created.class);
        ClientMessageId id = new ClientMessageId("day-old");
        Message first = store.append(group.id(), draft("one", id.value()));

        assertThat(hoursKept(id)).isBetween(23.9, 24.1);
        assertThat(store.append(group.id(), draft("one", id.value()))).isEqualTo(first);

        expire(id);
        Message later = store.append(group.id(), draft("another text, a day later", id.value()));

        assertThat(later.id()).isNotEqualTo(first.id());
        assertThat(store.messages(group.id(), PageRequest.firstPage()).items()).extracting(Message::text)
                .containsExactly("hello", "one", "another text, a day later");
        assertThat(hoursKept(id)).isBetween(23.9, 24.1);
    }

    private double hoursKept(ClientMessageId id) throws Exception {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT extract(epoch FROM expires_at - now()) / 3600 "
                     + "FROM client_message_ids WHERE sender_uuid = ? AND client_message_id = ?")) {
            query.setObject(1, alice.id().value());
            query.setString(2, id.value());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getDouble(1);
            }
        }
    }

    private void expire(ClientMessageId id) throws Exception {
        try (Connection connection = connect();
             PreparedStatement update = connection.prepareStatement("UPDATE client_message_ids "
                     + "SET expires_at = now() - interval '1 second' WHERE sender_uuid = ? AND client_message_id = ?")) {
            update.setObject(1, alice.id().value());
            update.setString(2, id.value());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** A connection of its own, outside the store's transactions. */
    private static Connection connect() throws Exception {
        return DriverManager.getConnection(PostgresEngine.ENGINE.jdbcUrl("cruddur_test"), EmbeddedPostgresEngine.USER, "");
    }

    private NewMessage draft(String text, String clientId) {
        return new NewMessage(new MessageId(UUID.randomUUID()), alice, MessageText.of(text), new Timestamp(Instant.now()),
                Optional.of(new ClientMessageId(clientId)));
    }
}
