package com.cruddur.messaging.domain.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.application.port.in.FollowEventsCommand;
import com.cruddur.messaging.domain.application.port.in.FollowEventsUseCase;
import com.cruddur.messaging.domain.error.TicketRejectedException;
import com.cruddur.messaging.domain.error.UnregisteredCallerException;
import com.cruddur.messaging.domain.fixtures.Concurrently;
import com.cruddur.messaging.domain.fixtures.RecordingSink;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import com.cruddur.messaging.domain.model.EventTicket;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FollowEventsTest {
    private final World world = new World();

    @Test
    void membersHearTheirConversationsFromEitherSideAndNobodyElseDoes() throws Exception {
        RecordingSink andrew = follow(world.andrew);
        RecordingSink bayko = follow(world.bayko);
        RecordingSink londo = follow(world.londo);

        MessageGroupId group = world.sendToHandle(world.andrew, "bayko", "hi").message().groupId();
        Concurrently.run(20, i -> i % 2 == 0 ? world.sendToGroup(world.andrew, group, "burst " + i)
                : world.sendToGroup(world.bayko, group, "burst " + i));
        world.markRead(world.bayko, group, null);

        assertThat(messages(andrew)).hasSize(21);
        assertThat(messages(bayko)).hasSize(21);
        assertThat(andrew.events()).filteredOn(e -> e.event() instanceof ConversationEvent.ReadMarkerMoved)
                .singleElement().satisfies(e -> assertThat(((ConversationEvent.ReadMarkerMoved) e.event()).reader())
                        .isEqualTo(world.bayko.id()));
        assertThat(londo.events()).isEmpty();
    }

    @Test
    void amongManyUsersSendingAtOnceEachHearsExactlyTheirOwnConversations() throws Exception {
        List<User> users = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            users.add(world.register("user" + i, "User " + i));
        }
        java.util.Map<User, RecordingSink> sinks = new java.util.HashMap<>();
        users.forEach(user -> sinks.put(user, follow(user)));

        // Six pairs (0-1, 2-3, ...), each sending 10 messages both ways, all at once.
        Concurrently.run(120, i -> {
            User from = users.get((i % 12));
            User to = users.get(i % 12 % 2 == 0 ? i % 12 + 1 : i % 12 - 1);
            return world.sendToHandle(from, to.handle().value(), "from " + from.handle().value() + " #" + i);
        });

        for (int i = 0; i < 12; i++) {
            User user = users.get(i);
            User partner = users.get(i % 2 == 0 ? i + 1 : i - 1);
            List<Message> heard = messages(sinks.get(user));
            assertThat(heard).hasSize(20);
            assertThat(heard).allSatisfy(message -> assertThat(message.sender().id()).isIn(user.id(), partner.id()));
        }
    }

    @Test
    void aFollowerResumesAfterTheLastEventItGot() {
        RecordingSink first = follow(world.bayko);
        MessageGroupId group = world.sendToHandle(world.andrew, "bayko", "one").message().groupId();
        String lastSeen = first.events().get(0).id();
        world.sendToGroup(world.andrew, group, "two");

        RecordingSink resumed = new RecordingSink();
        world.followEvents.follow(new FollowEventsCommand(Optional.of(World.caller(world.bayko)), Optional.empty(),
                Optional.of(lastSeen), resumed));
        RecordingSink tooOld = new RecordingSink();
        world.followEvents.follow(new FollowEventsCommand(Optional.of(World.caller(world.bayko)), Optional.empty(),
                Optional.of("gone"), tooOld));

        assertThat(messages(resumed)).extracting(Message::text).containsExactly("two");
        assertThat(tooOld.resyncs()).isEqualTo(1);
    }

    @Test
    void aTicketOpensItsUsersStreamOnceWithinAMinute() {
        EventTicket ticket = world.issueEventTicket.issueEventTicket(World.caller(world.bayko));
        RecordingSink byTicket = new RecordingSink();
        FollowEventsUseCase.Following following = world.followEvents.follow(new FollowEventsCommand(Optional.empty(),
                Optional.of(ticket.value()), Optional.empty(), byTicket));

        world.sendToHandle(world.andrew, "bayko", "for bayko");
        world.sendToHandle(world.andrew, "londo", "for londo");
        following.close();
        world.sendToHandle(world.andrew, "bayko", "after closing");

        assertThat(messages(byTicket)).extracting(Message::text).containsExactly("for bayko");
        assertThat(following.follower()).as("the ticket's user").isEqualTo(world.bayko.id());
        assertThat(ticket.validFor()).isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> followByTicket(ticket.value())).isInstanceOf(TicketRejectedException.class);
        EventTicket late = world.issueEventTicket.issueEventTicket(World.caller(world.bayko));
        world.clock.advance(Duration.ofSeconds(61));
        assertThatThrownBy(() -> followByTicket(late.value())).isInstanceOf(TicketRejectedException.class);
        assertThatThrownBy(() -> followByTicket("made-up")).isInstanceOf(TicketRejectedException.class);
        assertThatThrownBy(() -> world.issueEventTicket.issueEventTicket(world.stranger))
                .isInstanceOf(UnregisteredCallerException.class);
    }

    private void followByTicket(String ticket) {
        world.followEvents.follow(new FollowEventsCommand(Optional.empty(), Optional.of(ticket), Optional.empty(),
                new RecordingSink()));
    }

    /**
     * Found by the fault soak: a send stored by an instance that died before announcing it was acknowledged by
     * the client's retry on another instance, and its event never went out. A retry announces again.
     */
    @Test
    void aRetriedSendAnnouncesItsMessageAgain() {
        RecordingSink bayko = follow(world.bayko);
        Message byHandle = world.sendToHandle(world.andrew, "bayko", "first", "c-1").message();
        world.sendToHandle(world.andrew, "bayko", "first", "c-1");
        Message byGroup = world.sendToGroup(world.andrew, byHandle.groupId(), "second", "c-2");
        world.sendToGroup(world.andrew, byHandle.groupId(), "second", "c-2");

        assertThat(messages(bayko)).containsExactly(byHandle, byHandle, byGroup, byGroup);
    }

    private RecordingSink follow(User user) {
        RecordingSink sink = new RecordingSink();
        world.followEvents.follow(new FollowEventsCommand(Optional.of(World.caller(user)), Optional.empty(),
                Optional.empty(), sink));
        return sink;
    }

    private static List<Message> messages(RecordingSink sink) {
        return sink.events().stream().map(DeliveredEvent::event)
                .filter(ConversationEvent.MessageSent.class::isInstance)
                .map(event -> ((ConversationEvent.MessageSent) event).message()).toList();
    }
}
