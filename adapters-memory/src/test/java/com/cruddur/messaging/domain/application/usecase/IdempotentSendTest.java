package com.cruddur.messaging.domain.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.application.port.in.SentMessage;
import com.cruddur.messaging.domain.error.ConflictException;
import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.PageRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdempotentSendTest {
    private final World world = new World();

    @Test
    void aRetriedSendByHandleAnswersWithTheFirstMessageAndItsNewGroup() {
        SentMessage first = world.sendToHandle(world.andrew, "bayko", "hi", "c-1");
        world.clock.advance(Duration.ofSeconds(5));

        SentMessage retry = world.sendToHandle(world.andrew, "bayko", "hi", "c-1");

        assertThat(retry.message()).isEqualTo(first.message());
        assertThat(world.messages(world.bayko, first.message().groupId(), PageRequest.firstPage()).items())
                .containsExactly(first.message());
    }

    @Test
    void aRetriedSendToAGroupAnswersWithTheFirstMessage() {
        MessageGroupId group = world.sendToHandle(world.andrew, "bayko", "hi").message().groupId();
        Message first = world.sendToGroup(world.bayko, group, "hello", "c-1");
        world.clock.advance(Duration.ofSeconds(5));

        assertThat(world.sendToGroup(world.bayko, group, "hello", "c-1")).isEqualTo(first);
        assertThat(world.messages(world.andrew, group, PageRequest.firstPage()).items()).hasSize(2);
    }

    @Test
    void anIdUsedForAnotherTextOrRecipientIsAConflict() {
        world.sendToHandle(world.andrew, "bayko", "hi", "c-1");

        assertThatThrownBy(() -> world.sendToHandle(world.andrew, "bayko", "something else", "c-1"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CLIENT_MESSAGE_ID_REUSED));
        assertThatThrownBy(() -> world.sendToHandle(world.andrew, "londo", "hi", "c-1"))
                .isInstanceOf(ConflictException.class);
        assertThat(world.groupsOf(world.londo)).isEmpty();
    }

    @Test
    void aMalformedClientIdIsRefusedWithTheOtherProblems() {
        assertThatThrownBy(() -> world.sendToHandle(world.andrew, "bayko", " ", "has space"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.codes())
                        .containsExactly(ErrorCode.MESSAGE_BLANK, ErrorCode.CLIENT_MESSAGE_ID_INVALID));
        assertThatThrownBy(() -> world.sendToHandle(world.andrew, "bayko", "hi", "x".repeat(65)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> world.sendToHandle(world.andrew, "bayko", "hi", ""))
                .isInstanceOf(InvalidInputException.class);
        assertThat(world.groupsOf(world.andrew)).isEmpty();
        assertThat(world.sendToHandle(world.andrew, "bayko", "hi", "Az09._:-".repeat(8)).groupCreated()).isTrue();
    }
}
