package com.cruddur.messaging.domain.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.application.port.in.ShowMessageGroupQuery;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.error.UnregisteredCallerException;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupDetails;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.User;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShowMessageGroupTest {
    private final World world = new World();

    @Test
    void aMemberSeesBothMembersSinceTheFirstMessageAndHowFarEachHasRead() {
        Message first = world.sendToHandle(world.andrew, "bayko", "hello").message();
        MessageGroupId group = first.groupId();
        world.clock.advance(Duration.ofSeconds(1));
        Message reply = world.sendToGroup(world.bayko, group, "hi");
        world.clock.advance(Duration.ofSeconds(1));
        world.sendToGroup(world.bayko, group, "there?");

        MessageGroupDetails details = show(world.andrew, group);

        assertThat(details.group().id()).isEqualTo(group);
        assertThat(details.createdAt()).contains(first.createdAt());
        assertThat(details.members()).extracting(member -> member.profile().id())
                .containsExactlyInAnyOrder(world.andrew.id(), world.bayko.id());
        assertThat(details.markers().of(world.andrew.id())).as("the sender has read their own message")
                .contains(first.createdAt());

        world.markRead(world.andrew, group, reply.id().toString());

        assertThat(show(world.bayko, group).markers().of(world.andrew.id())).contains(reply.createdAt());
    }

    @Test
    void toANonMemberTheConversationDoesNotExist() {
        MessageGroupId group = world.sendToHandle(world.andrew, "bayko", "hello").message().groupId();

        assertThatThrownBy(() -> show(world.londo, group)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> show(world.andrew, new MessageGroupId(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ShowMessageGroupQuery.of(World.caller(world.andrew), "not-a-uuid"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.showMessageGroup.showMessageGroup(new ShowMessageGroupQuery(world.stranger, group)))
                .isInstanceOf(UnregisteredCallerException.class);
    }

    private MessageGroupDetails show(User caller, MessageGroupId group) {
        return world.showMessageGroup.showMessageGroup(new ShowMessageGroupQuery(World.caller(caller), group));
    }
}
