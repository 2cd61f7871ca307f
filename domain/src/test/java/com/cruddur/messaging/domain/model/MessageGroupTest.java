package com.cruddur.messaging.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.fixtures.Profiles;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageGroupTest {
    private final Profile alice = Profiles.random("alice");
    private final Profile bob = Profiles.random("bob");

    @Test
    void isBetweenTwoDifferentUsers() {
        assertThatThrownBy(() -> new MessageGroup(new MessageGroupId(UUID.randomUUID()), alice, alice))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsItsMembersAndWhoEachTalksTo() {
        var group = new MessageGroup(new MessageGroupId(UUID.randomUUID()), alice, bob);

        assertThat(group.hasMember(bob.id())).isTrue();
        assertThat(group.hasMember(Profiles.random("carol").id())).isFalse();
        assertThat(group.otherThan(alice.id())).isEqualTo(bob);
        assertThat(group.otherThan(bob.id())).isEqualTo(alice);
        assertThat(group.pair()).isEqualTo(UserPair.of(bob.id(), alice.id()));
    }

    @Test
    void parsesOnlyCanonicalUuidsFromClients() {
        assertThat(MessageGroupId.parse("5ae290ed-55d1-47a0-bc6d-fe2bc2700399")).isPresent();
        assertThat(MessageGroupId.parse("1-2-3-4-5")).isEmpty();
        assertThat(MessageGroupId.parse("")).isEmpty();
        assertThat(MessageGroupId.parse(null)).isEmpty();
        assertThat(MessageGroupId.parse("5ae290ed-55d1-47a0-bc6d-fe2bc2700399 ")).isEmpty();
    }
}
