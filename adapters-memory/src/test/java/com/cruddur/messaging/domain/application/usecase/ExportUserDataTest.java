package com.cruddur.messaging.domain.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.application.port.in.ExportUserDataCommand;
import com.cruddur.messaging.domain.application.port.in.UserDataSink;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.UserData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExportUserDataTest {
    private final World world = new World();

    /** What the export wrote, and the progress it reported. */
    private static final class Recorded implements UserDataSink {
        final List<UserData> records = new ArrayList<>();
        final List<String> progress = new ArrayList<>();

        @Override
        public void write(UserData record) {
            records.add(record);
        }

        @Override
        public void progress(int conversationsDone, int conversations, long messagesWritten) {
            progress.add(conversationsDone + "/" + conversations + ":" + messagesWritten);
        }
    }

    @Test
    void everythingOfTheUserInOrderAndNothingOfAnyoneElse() {
        MessageGroupId withBayko = world.sendToHandle(world.andrew, "bayko", "andrew 0").message().groupId();
        List<String> andrewsTexts = new ArrayList<>(List.of("andrew 0"));
        for (int i = 1; i < 250; i++) { // pages of 100: the export reads them all, each once
            world.clock.advance(Duration.ofMillis(10));
            boolean andrews = i % 2 == 0;
            world.sendToGroup(andrews ? world.andrew : world.bayko, withBayko, (andrews ? "andrew " : "bayko ") + i);
            if (andrews) {
                andrewsTexts.add("andrew " + i);
            }
        }
        world.clock.advance(Duration.ofSeconds(1));
        Message fromLondo = world.sendToHandle(world.londo, "andrewbrown", "hello andrew").message();
        world.markRead(world.andrew, fromLondo.groupId(), fromLondo.id().toString());
        world.block(world.andrew, "londo");

        Recorded sink = new Recorded();
        UserData.Totals totals = world.exportUserData.export(ExportUserDataCommand.of("@andrewbrown"), sink);

        assertThat(sink.records.get(0)).isEqualTo(new UserData.Account(world.andrew));
        assertThat(sink.records).filteredOn(UserData.Conversation.class::isInstance)
                .containsExactlyInAnyOrder(
                        new UserData.Conversation(fromLondo.groupId(), world.londo.profile(),
                                Optional.of(fromLondo.createdAt())),
                        new UserData.Conversation(withBayko, world.bayko.profile(),
                                world.store.readMarkers(withBayko).of(world.andrew.id())));
        assertThat(sink.records).filteredOn(UserData.SentMessage.class::isInstance)
                .map(record -> ((UserData.SentMessage) record).message())
                .allMatch(message -> message.sender().equals(world.andrew.profile()))
                .extracting(Message::text).containsExactlyInAnyOrderElementsOf(andrewsTexts);
        assertThat(sink.records).filteredOn(UserData.Block.class::isInstance)
                .containsExactly(new UserData.Block(world.londo.profile()));
        assertThat(totals).isEqualTo(new UserData.Totals(2, andrewsTexts.size(), 1));
        assertThat(sink.records.get(sink.records.size() - 1)).isEqualTo(totals);
        assertThat(sink.progress).hasSize(2).last().asString().startsWith("2/2:");
    }

    @Test
    void anUnknownOrBlankHandleIsNotFound() {
        assertThatThrownBy(() -> world.exportUserData.export(ExportUserDataCommand.of("nobody"), new Recorded()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ExportUserDataCommand.of(" @ ")).isInstanceOf(NotFoundException.class);
    }
}
