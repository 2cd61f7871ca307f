package com.cruddur.messaging.domain.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.application.port.in.CallerQuery;
import com.cruddur.messaging.domain.application.port.in.FollowEventsCommand;
import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.error.RefusedException;
import com.cruddur.messaging.domain.fixtures.RecordingSink;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockUserTest {
    private final World world = new World();

    @Test
    void theBlockedCannotSendByGroupOrHandleAndNothingIsStored() {
        MessageGroupId group = world.sendToHandle(world.andrew, "bayko", "hi").message().groupId();
        world.block(world.andrew, "Bayko");

        assertThatThrownBy(() -> world.sendToGroup(world.bayko, group, "still there?"))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.RECIPIENT_UNAVAILABLE));
        assertThatThrownBy(() -> world.sendToHandle(world.bayko, "andrewbrown", "hello?"))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.RECIPIENT_UNAVAILABLE));
        assertThat(texts(group)).containsExactly("hi");
    }

    @Test
    void theBlockedCannotStartAConversationWithTheBlocker() {
        world.block(world.andrew, "bayko");

        assertThatThrownBy(() -> world.sendToHandle(world.bayko, "andrewbrown", "hello"))
                .isInstanceOf(RefusedException.class);
        assertThat(world.groupsOf(world.bayko)).isEmpty();
        assertThat(world.groupsOf(world.andrew)).isEmpty();
    }

    @Test
    void theBlockerCannotSendEitherUntilUnblockingAndKeepsTheHistory() {
        MessageGroupId group = world.sendToHandle(world.bayko, "andrewbrown", "hi").message().groupId();
        world.block(world.andrew, "bayko");

        assertThatThrownBy(() -> world.sendToGroup(world.andrew, group, "bye"))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.RECIPIENT_BLOCKED));
        assertThat(texts(group)).as("the history stays").containsExactly("hi");

        world.unblock(world.andrew, "bayko");
        world.sendToGroup(world.andrew, group, "back");
        world.sendToGroup(world.bayko, group, "welcome back");
        assertThat(texts(group)).containsExactly("hi", "back", "welcome back");
    }

    @Test
    void othersAreNotAffected() {
        world.block(world.andrew, "bayko");

        world.sendToHandle(world.londo, "andrewbrown", "hi andrew");
        world.sendToHandle(world.bayko, "londo", "hi londo");
        assertThat(world.groupsOf(world.londo)).hasSize(2);
    }

    @Test
    void blockingTwiceAndUnblockingTwiceAreNoErrorsAndTheListFollows() {
        world.block(world.andrew, "bayko");
        world.block(world.andrew, "bayko");
        world.block(world.andrew, "londo");

        assertThat(blocked(world.andrew)).extracting(Profile::handle).extracting(handle -> handle.value())
                .containsExactly("londo", "bayko");
        world.unblock(world.andrew, "bayko");
        world.unblock(world.andrew, "bayko");
        assertThat(blocked(world.andrew)).extracting(Profile::id).containsExactly(world.londo.id());
        assertThat(blocked(world.bayko)).isEmpty();
    }

    @Test
    void blockingOneselfOrNobodyIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> world.block(world.andrew, "AndrewBrown"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.codes()).containsExactly(ErrorCode.BLOCK_SELF));
        assertThatThrownBy(() -> world.block(world.andrew, "nobody")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.block(world.andrew, " ")).isInstanceOf(NotFoundException.class);
        assertThat(blocked(world.andrew)).isEmpty();
    }

    @Test
    void theBlockerHearsNothingTheBlockedDoesAndHearsThemAgainAfterUnblocking() {
        MessageGroupId group = world.sendToHandle(world.andrew, "bayko", "hi").message().groupId();
        Message baykos = world.sendToGroup(world.bayko, group, "before");
        RecordingSink andrew = follow(world.andrew);
        RecordingSink bayko = follow(world.bayko);

        world.block(world.andrew, "bayko");
        world.edit(world.bayko, baykos, "edited while blocked");
        world.markRead(world.bayko, group, null);
        world.signalTyping.signalTyping(com.cruddur.messaging.domain.application.port.in.SignalTypingCommand.of(
                World.caller(world.bayko), group.toString()));
        world.sendToHandle(world.londo, "andrewbrown", "from londo");
        assertThat(andrew.await(events -> causes(events).contains(world.londo.id()), Duration.ofSeconds(5))).isTrue();

        assertThat(causes(andrew.events())).as("nothing bayko did").doesNotContain(world.bayko.id());
        assertThat(bayko.events()).extracting(DeliveredEvent::event).as("the blocked is not told of the block")
                .noneMatch(ConversationEvent.BlockChanged.class::isInstance);

        world.unblock(world.andrew, "bayko");
        world.markRead(world.bayko, group, null);
        world.signalTyping.signalTyping(com.cruddur.messaging.domain.application.port.in.SignalTypingCommand.of(
                World.caller(world.bayko), group.toString()));
        assertThat(andrew.await(events -> causes(events).contains(world.bayko.id()), Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aStreamOpenedWhileBlockingFiltersFromItsFirstEvent() {
        world.sendToHandle(world.andrew, "bayko", "hi");
        world.block(world.andrew, "bayko");
        RecordingSink andrew = follow(world.andrew);

        world.block(world.bayko, "londo"); // bayko may still act elsewhere; andrew hears nothing of it either way
        world.sendToHandle(world.londo, "andrewbrown", "from londo");
        assertThat(andrew.await(events -> causes(events).contains(world.londo.id()), Duration.ofSeconds(5))).isTrue();
        assertThat(causes(andrew.events())).doesNotContain(world.bayko.id());
    }

    @Test
    void aBlockMadeWhileTheStreamOpensIsHonouredByIt() {
        MessageGroupId group = world.sendToHandle(world.andrew, "bayko", "hi").message().groupId();
        // The block lands after the stream's first read of andrew's list and before it listens: its announcement
        // never reaches the stream.
        Blocks racing = new Blocks() {
            private boolean first = true;

            @Override
            public boolean block(UserId blocker, UserId blocked) {
                return world.blocks.block(blocker, blocked);
            }

            @Override
            public boolean unblock(UserId blocker, UserId blocked) {
                return world.blocks.unblock(blocker, blocked);
            }

            @Override
            public List<UserId> blockedBy(UserId blocker) {
                List<UserId> read = world.blocks.blockedBy(blocker);
                if (first) {
                    first = false;
                    world.block(world.andrew, "bayko");
                }
                return read;
            }
        };
        RecordingSink andrew = new RecordingSink();
        new FollowEvents(new Callers(world.directory), world.tickets, world.events, racing, world.clock)
                .follow(new FollowEventsCommand(Optional.of(World.caller(world.andrew)), Optional.empty(), Optional.empty(),
                        andrew));

        world.markRead(world.bayko, group, null);
        world.sendToHandle(world.londo, "andrewbrown", "from londo");
        assertThat(andrew.await(events -> causes(events).contains(world.londo.id()), Duration.ofSeconds(5))).isTrue();
        assertThat(causes(andrew.events())).doesNotContain(world.bayko.id());
    }

    private List<Profile> blocked(User user) {
        return world.listBlockedUsers.blockedUsers(new CallerQuery(World.caller(user)));
    }

    private List<String> texts(MessageGroupId group) {
        return world.messages(world.andrew, group, com.cruddur.messaging.domain.model.PageRequest.firstPage()).items()
                .stream().map(Message::text).toList();
    }

    private static List<UserId> causes(List<DeliveredEvent> events) {
        return events.stream().map(event -> event.event().cause()).distinct().toList();
    }

    private RecordingSink follow(User user) {
        RecordingSink sink = new RecordingSink();
        world.followEvents.follow(new FollowEventsCommand(Optional.of(World.caller(user)), Optional.empty(),
                Optional.empty(), sink));
        return sink;
    }
}
