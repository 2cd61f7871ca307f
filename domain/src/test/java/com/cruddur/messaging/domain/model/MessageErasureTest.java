package com.cruddur.messaging.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.fixtures.Profiles;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageErasureTest {
    private static final Timestamp T0 = Timestamp.parse("2026-04-01T09:00:00.000001+00:00");
    private final User alice = Profiles.user("alice");
    private final Message sent = new Message(new MessageId(UUID.randomUUID()), new MessageGroupId(UUID.randomUUID()),
            alice.profile(), "hello", T0);

    @Test
    void anErasedAccountKeepsItsIdOnlyAndIsKnownAsErased() {
        User erased = alice.erased();

        assertThat(erased.id()).isEqualTo(alice.id());
        assertThat(erased.handle().value()).startsWith("deleted-").doesNotContain(alice.handle().value());
        assertThat(erased.displayName()).isEqualTo("deleted user");
        assertThat(erased.cognitoUserId()).isEmpty();
        assertThat(erased.isErased()).isTrue();
        assertThat(erased.profile().isErased()).isTrue();
        assertThat(alice.isErased()).isFalse();
        assertThat(alice.profile().isErased()).isFalse();
        assertThat(erased.erased()).isEqualTo(erased);
    }

    @Test
    void anErasedMessageIsATombstoneCarryingTheErasedProfileAndARevisionOfAnyEarlierState() {
        Message deleted = sent.deleted(T0.nextMicrosecond());
        Message erased = deleted.erasedAs(alice.erased().profile(), deleted.nextRevisionAt(T0));

        assertThat(erased.isDeleted()).isTrue();
        assertThat(erased.text()).isEmpty();
        assertThat(erased.sender()).isEqualTo(alice.erased().profile());
        assertThat(erased.isRevisionOf(deleted)).isTrue();
        assertThat(erased.isRevisionOf(sent)).isTrue();
        assertThatThrownBy(() -> sent.erasedAs(Profiles.user("bob").erased().profile(), T0.nextMicrosecond()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTombstonesOnlyLaterStatesAreTombstones() {
        Message deleted = sent.deleted(T0.nextMicrosecond());
        Message restored = new Message(sent.id(), sent.groupId(), sent.sender(), "hello", sent.createdAt(),
                Optional.of(deleted.nextRevisionAt(T0)), Optional.empty());

        assertThat(restored.isRevisionOf(deleted)).isFalse();
        assertThat(restored.isRevisionOf(sent)).isTrue();
    }
}
