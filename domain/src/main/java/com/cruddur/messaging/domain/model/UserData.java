package com.cruddur.messaging.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What the service holds about one user, record by record, as an export hands it out: their account, each
 * conversation they are in (with whom, and how far they have read), each message they sent (as it is now: edited, or
 * a tombstone), whom they block, and last how many of each there were — so that a reader knows the export is whole.
 */
public sealed interface UserData {

    record Account(User user) implements UserData {
        public Account {
            Objects.requireNonNull(user, "user");
        }
    }

    record Conversation(MessageGroupId group, Profile with, Optional<Timestamp> lastReadAt) implements UserData {
        public Conversation {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(with, "with");
            Objects.requireNonNull(lastReadAt, "lastReadAt");
        }
    }

    record SentMessage(Message message) implements UserData {
        public SentMessage {
            Objects.requireNonNull(message, "message");
        }
    }

    record Block(Profile blocked) implements UserData {
        public Block {
            Objects.requireNonNull(blocked, "blocked");
        }
    }

    /** The last record: how many of each came before it. */
    record Totals(int conversations, long messages, int blocks) implements UserData {
    }
}
