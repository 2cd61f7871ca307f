package com.cruddur.messaging.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapter.dynamodb.items.GroupRow;
import com.cruddur.messaging.adapter.dynamodb.items.Tally;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds conversations in a store the way the use cases would, for the DynamoDB-specific tests and (through this
 * module's test-jar) the stream consumer's.
 */
public final class Conversations {
    public static final Timestamp T0 = Timestamp.parse("2026-03-01T18:04:05.123456+00:00");

    private Conversations() {
    }

    public static MessageGroup start(ConversationStore store, Profile from, Profile to, String text, Timestamp at) {
        MessageGroup group = new MessageGroup(new MessageGroupId(UUID.randomUUID()), from, to);
        assertThat(store.create(group, draft(from, text, at))).isInstanceOf(GroupCreation.Created.class);
        return group;
    }

    public static MessageGroup start(ConversationStore store) {
        return start(store, Profiles.random("alice"), Profiles.random("bob"), "hello", T0);
    }

    public static NewMessage draft(Profile sender, String text, Timestamp at) {
        return new NewMessage(new MessageId(UUID.randomUUID()), sender, MessageText.of(text), at);
    }

    public static Timestamp at(long millis) {
        return new Timestamp(T0.instant().plus(Duration.ofMillis(millis)));
    }

    public static Timestamp now() {
        return new Timestamp(Instant.now());
    }

    /** A summary row as the original wrote them: nothing known of its message but its time. */
    public static GroupRow originalRow(GroupSummary summary) {
        return new GroupRow(summary.lastMessageAt().format(), summary, Tally.startingAt(summary.lastMessageAt()), 0,
                new GroupRow.Shown(Optional.empty(), summary.lastMessageAt()));
    }

    public static List<GroupSummary> summariesOf(ConversationStore store, Profile owner) {
        return store.summaries(owner.id(), PageRequest.first(100)).items();
    }
}
