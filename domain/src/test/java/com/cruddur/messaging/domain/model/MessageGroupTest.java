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
    void ordersAPairAsDatabasesOrderUuids() {
        UserId signedNegative = UserId.of("b7559257-5fb6-4f98-adc7-bea1ad5d37b0");
        UserId signedPositive = UserId.of("3c7e8bc4-50fa-4fbe-a423-4eb9b493859b");

        assertThat(UserPair.of(signedNegative, signedPositive).low()).isEqualTo(signedPositive);
        assertThat(UserPair.of(signedPositive, signedNegative).key())
                .isEqualTo("3c7e8bc4-50fa-4fbe-a423-4eb9b493859b#b7559257-5fb6-4f98-adc7-bea1ad5d37b0");
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
