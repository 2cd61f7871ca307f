package com.cruddur.messaging.domain.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.application.port.in.DeleteMessageCommand;
import com.cruddur.messaging.domain.application.port.in.EditMessageCommand;
import com.cruddur.messaging.domain.application.port.in.FollowEventsCommand;
import com.cruddur.messaging.domain.error.ConflictException;
import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.fixtures.RecordingSink;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.MessageText;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EditAndDeleteMessageTest {
    private final World world = new World();
    private final Message sent = world.sendToHandle(world.andrew, "bayko", "see you at 5").message();

    @Test
    void theSenderEditsTheirMessageInPlaceAndBothMembersAreTold() {
        RecordingSink bayko = follow(world.bayko);
        world.clock.advance(Duration.ofSeconds(3));

        Message edited = world.edit(world.andrew, sent, "  see you at 6 ");

        assertThat(edited.text()).isEqualTo("see you at 6");
        assertThat(edited.createdAt()).isEqualTo(sent.createdAt());
        assertThat(edited.editedAt()).contains(world.clock.now());
        assertThat(world.messages(world.bayko, sent.groupId(), PageRequest.firstPage()).items()).containsExactly(edited);
        assertThat(world.groupsOf(world.bayko).get(0).lastMessage()).isEqualTo("see you at 6");
        assertThat(revisions(bayko)).containsExactly(edited);
    }

    @Test
    void theSenderDeletesTheirMessageItStaysAsATombstoneAndAgainChangesNothing() {
        world.clock.advance(Duration.ofSeconds(1));
        world.edit(world.andrew, sent, "see you at 6");
        RecordingSink bayko = follow(world.bayko);
        world.clock.advance(Duration.ofSeconds(1));

        world.delete(world.andrew, sent);
        world.delete(world.andrew, sent);

        Message tombstone = world.messages(world.bayko, sent.groupId(), PageRequest.firstPage()).items().get(0);
        assertThat(tombstone.id()).isEqualTo(sent.id());
        assertThat(tombstone.text()).isEmpty();
        assertThat(tombstone.deletedAt()).contains(world.clock.now());
        assertThat(world.groupsOf(world.andrew).get(0).lastMessage()).isEmpty();
        assertThat(revisions(bayko)).as("told once").containsExactly(tombstone);
        assertThatThrownBy(() -> world.edit(world.andrew, sent, "back again"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_DELETED));
    }

    @Test
    void anotherMembersMessageAForeignGroupOrAnUnknownIdDoNotExistForTheCaller() {
        Message reply = world.sendToGroup(world.bayko, sent.groupId(), "ok");

        assertThatThrownBy(() -> world.edit(world.andrew, reply, "mine now")).isInstanceOfSatisfying(
                NotFoundException.class, e -> assertThat(e.kind()).isEqualTo(NotFoundException.Kind.MESSAGE));
        assertThatThrownBy(() -> world.delete(world.andrew, reply)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.edit(world.londo, sent, "hijack")).isInstanceOfSatisfying(
                NotFoundException.class, e -> assertThat(e.kind()).isEqualTo(NotFoundException.Kind.MESSAGE_GROUP));
        assertThatThrownBy(() -> world.deleteMessage.deleteMessage(new DeleteMessageCommand(World.caller(world.andrew),
                sent.groupId(), new MessageId(UUID.randomUUID()))))
                .isInstanceOf(NotFoundException.class);
        assertThat(world.messages(world.bayko, sent.groupId(), PageRequest.firstPage()).items())
                .extracting(Message::text).containsExactly("see you at 5", "ok");
    }

    @Test
    void anEditFollowsASendsTextRulesAndTheAddressMustBeUuids() {
        assertThatThrownBy(() -> world.edit(world.andrew, sent, "   ")).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.codes()).containsExactly(ErrorCode.MESSAGE_BLANK));
        assertThatThrownBy(() -> world.edit(world.andrew, sent, "x".repeat(1025))).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.codes()).containsExactly(ErrorCode.MESSAGE_EXCEED_MAX_CHARS));
        assertThatThrownBy(() -> EditMessageCommand.of(World.caller(world.andrew), "nope", "nope", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.codes()).containsExactly(
                        ErrorCode.MESSAGE_GROUP_UUID_INVALID, ErrorCode.MESSAGE_UUID_INVALID, ErrorCode.MESSAGE_BLANK));
        assertThatThrownBy(() -> DeleteMessageCommand.of(World.caller(world.andrew), sent.groupId().toString(), "1"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.codes()).containsExactly(ErrorCode.MESSAGE_UUID_INVALID));
        assertThat(world.messages(world.bayko, sent.groupId(), PageRequest.firstPage()).items().get(0)).isEqualTo(sent);
    }

    @Test
    void aRevisionIsLaterThanTheLastEvenWhenTheClockIsBehind() {
        world.clock.advance(Duration.ofSeconds(1));
        Message first = world.edit(world.andrew, sent, "one");
        Timestamp behind = new Timestamp(first.editedAt().orElseThrow().instant().minusSeconds(10));
        Message second = first.edited(MessageText.of("two"),
                first.nextRevisionAt(behind));

        assertThat(second.revisedAt()).isEqualTo(first.revisedAt().nextMicrosecond());
        assertThat(second.isRevisionOf(first)).isTrue();
        assertThat(first.isRevisionOf(second)).isFalse();
    }

    private RecordingSink follow(User user) {
        RecordingSink sink = new RecordingSink();
        world.followEvents.follow(new FollowEventsCommand(Optional.of(World.caller(user)), Optional.empty(),
                Optional.empty(), sink));
        return sink;
    }

    private static List<Message> revisions(RecordingSink sink) {
        return sink.events().stream().map(DeliveredEvent::event)
                .filter(ConversationEvent.MessageRevised.class::isInstance)
                .map(event -> ((ConversationEvent.MessageRevised) event).message()).toList();
    }
}
