package com.cruddur.messaging.domain.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.application.port.in.FollowEventsCommand;
import com.cruddur.messaging.domain.application.port.in.SignalTypingCommand;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.fixtures.RecordingSink;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalTypingTest {
    private final World world = new World();
    private final MessageGroupId group = world.sendToHandle(world.andrew, "bayko", "hi").message().groupId();

    @Test
    void theOtherMemberHearsThatAMemberTypesAndNobodyElseDoes() {
        RecordingSink andrew = follow(world.andrew, Optional.empty());
        RecordingSink bayko = follow(world.bayko, Optional.empty());
        RecordingSink londo = follow(world.londo, Optional.empty());

        type(world.andrew);

        assertThat(typing(bayko)).singleElement().satisfies(signal -> {
            assertThat(signal.group()).isEqualTo(group);
            assertThat(signal.typist()).isEqualTo(world.andrew.id());
        });
        assertThat(typing(andrew)).as("the typist is not told of their own typing").isEmpty();
        assertThat(londo.events()).isEmpty();
    }

    @Test
    void atMostOneSignalPerMemberAndGroupEveryTwoSecondsTheRestAreDropped() {
        RecordingSink bayko = follow(world.bayko, Optional.empty());

        type(world.andrew);
        world.clock.advance(Duration.ofMillis(1_999));
        type(world.andrew);
        type(world.andrew);
        world.clock.advance(Duration.ofMillis(1));
        type(world.andrew);

        assertThat(typing(bayko)).hasSize(2);
    }

    @Test
    void onlyMembersMayTypeInAGroupAndItsIdMustBeAUuid() {
        assertThatThrownBy(() -> type(world.londo)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.signalTyping.signalTyping(SignalTypingCommand.of(World.caller(world.andrew), "nope")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aClientThatReconnectsIsNotToldOfOldTyping() {
        RecordingSink before = follow(world.bayko, Optional.empty());
        world.sendToGroup(world.bayko, group, "first");
        String lastSeen = before.events().get(before.events().size() - 1).id();
        type(world.andrew);
        world.sendToGroup(world.andrew, group, "after the typing");

        RecordingSink resumed = follow(world.bayko, Optional.of(lastSeen));

        assertThat(typing(before)).hasSize(1);
        assertThat(resumed.events()).as("what was missed, without the typing signal").singleElement()
                .satisfies(missed -> assertThat(missed.event()).isInstanceOf(ConversationEvent.MessageSent.class));
    }

    private void type(User typist) {
        world.signalTyping.signalTyping(new SignalTypingCommand(World.caller(typist), group));
    }

    private RecordingSink follow(User user, Optional<String> lastEventId) {
        RecordingSink sink = new RecordingSink();
        world.followEvents.follow(new FollowEventsCommand(Optional.of(World.caller(user)), Optional.empty(), lastEventId,
                sink));
        return sink;
    }

    private static List<ConversationEvent.Typing> typing(RecordingSink sink) {
        return sink.events().stream().map(DeliveredEvent::event).filter(ConversationEvent.Typing.class::isInstance)
                .map(ConversationEvent.Typing.class::cast).toList();
    }
}
