package com.cruddur.messaging.domain.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.cruddur.messaging.domain.application.port.in.ProjectMessageCommand;
import com.cruddur.messaging.domain.application.port.out.Projection;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectMessageTest {
    private final World world = new World();

    @Test
    void aReplayedOrOlderMessageLeavesBothSummariesUnchanged() {
        Message first = world.sendToHandle(world.andrew, "bayko", "first").message();
        world.clock.advance(Duration.ofSeconds(1));
        Message latest = world.sendToGroup(world.bayko, first.groupId(), "latest");
        List<GroupSummary> before = List.of(world.groupsOf(world.andrew).get(0), world.groupsOf(world.bayko).get(0));

        Projection replay = world.projectMessage.projectMessage(new ProjectMessageCommand(latest));
        Projection older = world.projectMessage.projectMessage(new ProjectMessageCommand(first));

        assertThat(replay).isEqualTo(new Projection(0, 2));
        assertThat(older).isEqualTo(new Projection(0, 2));
        assertThat(List.of(world.groupsOf(world.andrew).get(0), world.groupsOf(world.bayko).get(0))).isEqualTo(before);
    }

    @Test
    void aNewerMessageMovesBothSummariesForward() {
        Message first = world.sendToHandle(world.andrew, "bayko", "first").message();
        Timestamp later = new Timestamp(first.createdAt().instant().plusSeconds(5));
        Message arrivedElsewhere = new Message(new MessageId(UUID.randomUUID()), first.groupId(),
                world.bayko.profile(), "from another node", later);

        Projection projection = world.projectMessage.projectMessage(new ProjectMessageCommand(arrivedElsewhere));

        assertThat(projection).isEqualTo(new Projection(2, 0));
        assertThat(world.groupsOf(world.andrew)).extracting(GroupSummary::lastMessage, GroupSummary::lastMessageAt)
                .containsExactly(tuple("from another node", later));
        assertThat(world.groupsOf(world.bayko)).extracting(GroupSummary::lastMessageAt).containsExactly(later);
    }
}
