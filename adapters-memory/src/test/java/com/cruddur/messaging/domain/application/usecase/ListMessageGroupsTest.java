package com.cruddur.messaging.domain.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsQuery;
import com.cruddur.messaging.domain.error.UnregisteredCallerException;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.PageRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ListMessageGroupsTest {
    private final World world = new World();

    @Test
    void listsTheCallersConversationsNewestFirstShowingTheOtherMember() {
        MessageGroupId withBayko = world.sendToHandle(world.andrew, "bayko", "hi bayko").message().groupId();
        world.clock.advance(Duration.ofSeconds(1));
        world.sendToHandle(world.londo, "andrewbrown", "hi andrew");
        world.clock.advance(Duration.ofSeconds(1));
        world.sendToGroup(world.bayko, withBayko, "bayko replies");

        assertThat(world.groupsOf(world.andrew)).extracting(GroupSummary::other)
                .containsExactly(world.bayko.profile(), world.londo.profile());
        assertThat(world.groupsOf(world.andrew)).extracting(GroupSummary::lastMessage)
                .containsExactly("bayko replies", "hi andrew");
        assertThat(world.groupsOf(world.londo)).extracting(GroupSummary::other)
                .containsExactly(world.andrew.profile());
    }

    @Test
    void someoneWithoutConversationsHasAnEmptyList() {
        assertThat(world.groupsOf(world.londo)).isEmpty();
    }

    @Test
    void anUnregisteredCallerHasNoList() {
        assertThatThrownBy(() -> world.listMessageGroups.listMessageGroups(
                new ListMessageGroupsQuery(world.stranger, PageRequest.firstPage())))
                .isInstanceOf(UnregisteredCallerException.class);
    }
}
