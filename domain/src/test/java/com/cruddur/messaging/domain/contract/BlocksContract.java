package com.cruddur.messaging.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.fixtures.Concurrently;
import com.cruddur.messaging.domain.fixtures.Profiles;
import com.cruddur.messaging.domain.model.User;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Blocks} adapter promises. Subclass it once per adapter. */
public abstract class BlocksContract {

    /** Blocks of a store where these users are registered (blocks name users, and a store may insist they exist). */
    protected abstract Blocks blocksAmong(List<User> users);

    private final User andrew = Profiles.user("andrew");
    private final User bayko = Profiles.user("bayko");
    private final User londo = Profiles.user("londo");
    private Blocks blocks;

    @BeforeEach
    void registerUsers() {
        blocks = blocksAmong(List.of(andrew, bayko, londo));
    }

    @Test
    void nobodyIsBlockedAtFirst() {
        assertThat(blocks.blockedBy(andrew.id())).isEmpty();
    }

    @Test
    void aBlockIsOneWayAndListedLatestFirst() {
        assertThat(blocks.block(andrew.id(), bayko.id())).isTrue();
        assertThat(blocks.block(andrew.id(), londo.id())).isTrue();

        assertThat(blocks.blockedBy(andrew.id())).containsExactly(londo.id(), bayko.id());
        assertThat(blocks.blockedBy(bayko.id())).as("blocking is not mutual").isEmpty();
    }

    @Test
    void blockingAgainChangesNothing() {
        blocks.block(andrew.id(), bayko.id());

        assertThat(blocks.block(andrew.id(), bayko.id())).isFalse();
        assertThat(blocks.blockedBy(andrew.id())).containsExactly(bayko.id());
    }

    @Test
    void unblockingLiftsTheBlockOnceAndAnUnknownOneIsNoError() {
        blocks.block(andrew.id(), bayko.id());

        assertThat(blocks.unblock(andrew.id(), bayko.id())).isTrue();
        assertThat(blocks.unblock(andrew.id(), bayko.id())).isFalse();
        assertThat(blocks.unblock(bayko.id(), andrew.id())).isFalse();
        assertThat(blocks.blockedBy(andrew.id())).isEmpty();
    }

    @Test
    void blockingAgainAfterUnblockingBlocks() {
        blocks.block(andrew.id(), bayko.id());
        blocks.unblock(andrew.id(), bayko.id());

        assertThat(blocks.block(andrew.id(), bayko.id())).isTrue();
        assertThat(blocks.blockedBy(andrew.id())).containsExactly(bayko.id());
    }

    @Test
    void requestsToBlockTheSameUserAtOnceMakeOneBlock() throws Exception {
        List<Boolean> made = Concurrently.run(16, i -> blocks.block(andrew.id(), bayko.id()));

        assertThat(made).containsOnlyOnce(true);
        assertThat(blocks.blockedBy(andrew.id())).containsExactly(bayko.id());
    }
}
