package com.cruddur.messaging.domain.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.application.port.in.SendMessageToGroupCommand;
import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.error.UnregisteredCallerException;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.PageRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SendMessageToGroupTest {
    private static final String EMOJI = "\uD83D\uDC4B";
    private final World world = new World();
    private MessageGroupId group;

    @BeforeEach
    void startAConversation() {
        group = world.sendToHandle(world.andrew, "bayko", "hi").message().groupId();
        world.clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void addsTheMessageAndMovesBothSummaries() {
        Message reply = world.sendToGroup(world.bayko, group, "hey andrew");

        assertThat(reply.groupId()).isEqualTo(group);
        assertThat(reply.sender()).isEqualTo(world.bayko.profile());
        assertThat(reply.createdAt()).isEqualTo(world.clock.now());
        assertThat(world.groupsOf(world.andrew)).extracting(GroupSummary::lastMessage).containsExactly("hey andrew");
        assertThat(world.groupsOf(world.bayko)).extracting(GroupSummary::lastMessage).containsExactly("hey andrew");
    }

    @Test
    void aNonMemberCannotPostAndTheGroupStaysUntouched() {
        assertThatThrownBy(() -> world.sendToGroup(world.londo, group, "let me in"))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.kind()).isEqualTo(NotFoundException.Kind.MESSAGE_GROUP));
        assertThat(texts()).containsExactly("hi");
    }

    @Test
    void anUnknownGroupIsNotFound() {
        assertThatThrownBy(() -> world.sendToGroup(world.andrew, new MessageGroupId(UUID.randomUUID()), "hello?"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnregisteredCallerCannotPost() {
        var command = SendMessageToGroupCommand.of(world.stranger, group.toString(), "hello");

        assertThatThrownBy(() -> world.sendMessageToGroup.sendToGroup(command))
                .isInstanceOf(UnregisteredCallerException.class);
    }

    @Test
    void takesExactly1024CodePointsOfEmojiButNot1025() {
        world.sendToGroup(world.andrew, group, EMOJI.repeat(1024));

        assertThatThrownBy(() -> world.sendToGroup(world.andrew, group, EMOJI.repeat(1025)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.codes()).containsExactly(ErrorCode.MESSAGE_EXCEED_MAX_CHARS));
        assertThat(texts()).containsExactly("hi", EMOJI.repeat(1024));
    }

    @Test
    void refusesWhitespaceOnlyText() {
        assertThatThrownBy(() -> world.sendToGroup(world.andrew, group, " \t\n\u2003 "))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.codes()).containsExactly(ErrorCode.MESSAGE_BLANK));
        assertThat(texts()).containsExactly("hi");
    }

    @Test
    void refusesABlankOrMalformedGroupIdTogetherWithTheTextsProblem() {
        assertThatThrownBy(() -> SendMessageToGroupCommand.of(World.caller(world.andrew), "", ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.codes())
                        .containsExactly(ErrorCode.MESSAGE_GROUP_UUID_BLANK, ErrorCode.MESSAGE_BLANK));
        assertThatThrownBy(() -> SendMessageToGroupCommand.of(World.caller(world.andrew), "not-a-uuid", "hi"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.codes())
                        .containsExactly(ErrorCode.MESSAGE_GROUP_UUID_INVALID));
    }

    @Test
    void twoMessagesInTheSameMicrosecondBothStayInOrder() {
        Message first = world.sendToGroup(world.andrew, group, "same");
        Message second = world.sendToGroup(world.bayko, group, "instant");

        assertThat(second.createdAt()).isEqualTo(first.createdAt().nextMicrosecond());
        assertThat(texts()).containsExactly("hi", "same", "instant");
        assertThat(world.groupsOf(world.londo)).isEmpty();
        assertThat(world.groupsOf(world.andrew)).extracting(GroupSummary::lastMessage).containsExactly("instant");
    }

    private List<String> texts() {
        return world.messages(world.andrew, group, PageRequest.first(100)).items().stream()
                .map(Message::text).toList();
    }
}
