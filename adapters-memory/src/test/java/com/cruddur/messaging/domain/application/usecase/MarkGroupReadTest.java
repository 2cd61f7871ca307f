package com.cruddur.messaging.domain.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.PageRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MarkGroupReadTest {
    private final World world = new World();
    private final MessageGroupId group = world.sendToHandle(world.andrew, "bayko", "one").message().groupId();

    @Test
    void withoutUpToEverythingIsRead() {
        world.clock.advance(Duration.ofSeconds(1));
        Message two = world.sendToGroup(world.andrew, group, "two");

        world.markRead(world.bayko, group, null);

        GroupSummary bayko = world.groupsOf(world.bayko).get(0);
        assertThat(bayko.reads().unreadCount()).isZero();
        assertThat(bayko.reads().lastReadAt()).contains(two.createdAt());
        assertThat(world.groupsOf(world.andrew).get(0).reads().otherLastReadAt()).contains(two.createdAt());
    }

    @Test
    void upToAMessageLeavesTheLaterOnesUnread() {
        Message one = world.messages(world.bayko, group, PageRequest.firstPage())
                .items().get(0);
        world.clock.advance(Duration.ofSeconds(1));
        world.sendToGroup(world.andrew, group, "two");

        world.markRead(world.bayko, group, one.id().toString());

        assertThat(world.groupsOf(world.bayko).get(0).reads().unreadCount()).isEqualTo(1);
    }

    @Test
    void onlyMembersMayMarkAndOnlyMessagesOfTheGroup() {
        assertThatThrownBy(() -> world.markRead(world.londo, group, null))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.kind()).isEqualTo(NotFoundException.Kind.MESSAGE_GROUP));
        assertThatThrownBy(() -> world.markRead(world.bayko, group, UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.kind()).isEqualTo(NotFoundException.Kind.MESSAGE));
        assertThatThrownBy(() -> world.markRead(world.bayko, group, "not-a-uuid"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.codes()).containsExactly(ErrorCode.UP_TO_INVALID));
        assertThat(world.groupsOf(world.bayko).get(0).reads().unreadCount()).isEqualTo(1);
    }
}
