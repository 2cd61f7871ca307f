package com.cruddur.messaging.domain.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.application.port.in.SendMessageToHandleCommand;
import com.cruddur.messaging.domain.application.port.in.SentMessage;
import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.error.UnregisteredCallerException;
import com.cruddur.messaging.domain.fixtures.Concurrently;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.ReadState;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.PageRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendMessageToHandleTest {
    private final World world = new World();

    @Test
    void startsAConversationThatBothMembersSee() {
        SentMessage sent = world.sendToHandle(world.andrew, "bayko", "  Hi Bayko!  ");

        assertThat(sent.groupCreated()).isTrue();
        assertThat(sent.message().text()).isEqualTo("Hi Bayko!");
        assertThat(sent.message().sender()).isEqualTo(world.andrew.profile());
        assertThat(sent.message().createdAt()).isEqualTo(world.clock.now());
        MessageGroupId group = sent.message().groupId();
        Optional<Timestamp> sentAt = Optional.of(world.clock.now());
        assertThat(world.groupsOf(world.andrew)).containsExactly(new GroupSummary(world.andrew.id(), group,
                world.bayko.profile(), "Hi Bayko!", world.clock.now(), new ReadState(0, sentAt, Optional.empty())));
        assertThat(world.groupsOf(world.bayko)).containsExactly(new GroupSummary(world.bayko.id(), group,
                world.andrew.profile(), "Hi Bayko!", world.clock.now(), new ReadState(1, Optional.empty(), sentAt)));
    }

    @Test
    void thePairKeepsOneConversationWhoeverWritesFirst() {
        MessageGroupId first = world.sendToHandle(world.andrew, "bayko", "one").message().groupId();

        SentMessage again = world.sendToHandle(world.andrew, "bayko", "two");
        SentMessage reverse = world.sendToHandle(world.bayko, "andrewbrown", "three");

        assertThat(again.groupCreated()).isFalse();
        assertThat(again.message().groupId()).isEqualTo(first);
        assertThat(reverse.message().groupId()).isEqualTo(first);
        assertThat(world.groupsOf(world.andrew)).hasSize(1);
        assertThat(world.messages(world.bayko, first, PageRequest.firstPage()).items())
                .extracting(m -> m.text()).containsExactly("one", "two", "three");
    }

    @Test
    void findsTheRecipientInAnyCase() {
        assertThat(world.sendToHandle(world.andrew, "BayKo", "hello").message().groupId())
                .isEqualTo(world.sendToHandle(world.andrew, "bayko", "again").message().groupId());
    }

    @Test
    void anUnknownHandleIsNotFoundAndNothingIsStored() {
        assertThatThrownBy(() -> world.sendToHandle(world.andrew, "nobody", "hello"))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.kind()).isEqualTo(NotFoundException.Kind.USER));
        assertThat(world.groupsOf(world.andrew)).isEmpty();
    }

    @Test
    void messagingYourselfIsRefusedInAnyCase() {
        assertThatThrownBy(() -> world.sendToHandle(world.andrew, "AndrewBrown", "note to self"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.codes()).containsExactly(ErrorCode.MESSAGE_TO_SELF));
        assertThat(world.groupsOf(world.andrew)).isEmpty();
    }

    @Test
    void reportsEveryProblemOfTheInputAtOnce() {
        assertThatThrownBy(() -> SendMessageToHandleCommand.of(World.caller(world.andrew), " ", "\u2003"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.codes())
                        .containsExactly(ErrorCode.USER_RECIEVER_HANDLE_BLANK, ErrorCode.MESSAGE_BLANK));
        assertThatThrownBy(() -> SendMessageToHandleCommand.of(World.caller(world.andrew), null, "x".repeat(1025)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.codes())
                        .containsExactly(ErrorCode.USER_RECIEVER_HANDLE_BLANK, ErrorCode.MESSAGE_EXCEED_MAX_CHARS));
    }

    @Test
    void anUnregisteredCallerCannotSend() {
        var command = SendMessageToHandleCommand.of(world.stranger, "bayko", "hello");

        assertThatThrownBy(() -> world.sendMessageToHandle.sendToHandle(command))
                .isInstanceOf(UnregisteredCallerException.class);
        assertThat(world.groupsOf(world.bayko)).isEmpty();
    }

    @Test
    void bothMembersStartingAtOnceGetOneConversationWithEveryMessage() throws Exception {
        List<SentMessage> sent = Concurrently.run(16, i -> i % 2 == 0
                ? world.sendToHandle(world.andrew, "bayko", "hello " + i)
                : world.sendToHandle(world.bayko, "andrewbrown", "hello " + i));

        assertThat(sent).extracting(s -> s.message().groupId()).containsOnly(sent.get(0).message().groupId());
        assertThat(sent).filteredOn(SentMessage::groupCreated).hasSize(1);
        assertThat(world.messages(world.andrew, sent.get(0).message().groupId(), PageRequest.first(100)).items())
                .hasSize(16);
    }
}
