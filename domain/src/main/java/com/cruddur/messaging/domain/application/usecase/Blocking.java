package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.error.RefusedException;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.UserId;
import java.util.Objects;

/** Whether a message may go from one user to another: never to an erased account, nor while either blocks the other. */
public final class Blocking {
    private final Blocks blocks;

    public Blocking(Blocks blocks) {
        this.blocks = Objects.requireNonNull(blocks, "blocks");
    }

    /**
     * Refuses (403) a message from {@code sender} to {@code recipient} when the recipient's data was erased (the
     * conversation stays for the sender to read, but nobody is there to receive) or either blocks the other.
     */
    public void requireMayReach(UserId sender, Profile recipient) {
        if (recipient.isErased()) {
            throw RefusedException.recipientUnavailable();
        }
        requireMayReach(sender, recipient.id());
    }

    private void requireMayReach(UserId sender, UserId recipient) {
        if (blocks.blockedBy(recipient).contains(sender)) {
            throw RefusedException.recipientUnavailable();
        }
        if (blocks.blockedBy(sender).contains(recipient)) {
            throw RefusedException.recipientBlocked();
        }
    }
}
