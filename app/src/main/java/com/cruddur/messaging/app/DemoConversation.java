package com.cruddur.messaging.app;

import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.GroupCreation;
import com.cruddur.messaging.domain.application.port.out.IdSource;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.MessageText;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserPair;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A conversation between the demo users {@code andrewbrown} and {@code bayko}, written through the
 * store port like any other (the original's {@code bin/ddb/seed}). Seeding twice changes nothing.
 */
@Singleton
public class DemoConversation {
    private static final List<String> LINES = List.of(
            "Have you had a chance to look at the new messaging backend?",
            "I did. Messages no longer vanish when two arrive in the same microsecond.",
            "And old conversations from last year still show up.",
            "Only the two of us can read this one, too.",
            "Then let's ship it.");

    private final ConversationStore store;
    private final IdSource ids;

    public DemoConversation(ConversationStore store, IdSource ids) {
        this.store = store;
        this.ids = ids;
    }

    /** Returns the demo group, and whether this call wrote it. */
    public Seeded seed() {
        User andrew = DemoUsers.ANDREW;
        User bayko = DemoUsers.BAYKO;
        Optional<MessageGroupId> existing = store.groupOf(UserPair.of(andrew.id(), bayko.id()));
        if (existing.isPresent()) {
            return new Seeded(existing.get(), false);
        }
        Instant start = Instant.now().minus(Duration.ofMinutes(LINES.size()));
        var group = new MessageGroup(new MessageGroupId(ids.next()), andrew.profile(), bayko.profile());
        GroupCreation creation = store.create(group, line(andrew, 0, start));
        if (creation instanceof GroupCreation.PairTaken taken) {
            return new Seeded(taken.existing(), false);
        }
        for (int i = 1; i < LINES.size(); i++) {
            Message stored = store.append(group.id(), line(i % 2 == 0 ? andrew : bayko, i, start));
            store.project(stored);
        }
        return new Seeded(group.id(), true);
    }

    public record Seeded(MessageGroupId group, boolean written) {
    }

    private NewMessage line(User sender, int index, Instant start) {
        return new NewMessage(new MessageId(ids.next()), sender.profile(), MessageText.of(LINES.get(index)),
                new Timestamp(start.plus(Duration.ofMinutes(index))));
    }
}
