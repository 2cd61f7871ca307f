package com.cruddur.messaging.domain.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.application.port.in.EraseUserDataCommand;
import com.cruddur.messaging.domain.application.port.in.ErasureReport;
import com.cruddur.messaging.domain.application.port.in.FollowEventsCommand;
import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.error.RefusedException;
import com.cruddur.messaging.domain.error.UnregisteredCallerException;
import com.cruddur.messaging.domain.fixtures.RecordingSink;
import com.cruddur.messaging.domain.model.ClientMessageId;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.DeliveredEvent;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.MessageText;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Profile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EraseUserDataTest {
    private final World world = new World();
    private final Profile erasedAndrew = world.andrew.erased().profile();
    private MessageGroupId withBayko;
    private MessageGroupId withLondo;
    private final List<String> andrewsTexts = new ArrayList<>();

    /** Andrew: 125 messages to Bayko (over a page), one edited, one deleted, one named by his client; 1 to Londo. */
    private void andrewTalks() {
        withBayko = world.sendToHandle(world.andrew, "bayko", "andrew to bayko 0", "client-0").message().groupId();
        andrewsTexts.add("andrew to bayko 0");
        for (int i = 1; i < 250; i++) {
            world.clock.advance(Duration.ofMillis(10));
            boolean andrews = i % 2 == 0;
            String text = (andrews ? "andrew to bayko " : "bayko to andrew ") + i;
            Message sent = world.sendToGroup(andrews ? world.andrew : world.bayko, withBayko, text);
            if (andrews) {
                andrewsTexts.add(text);
            }
            if (i == 2) {
                world.edit(world.andrew, sent, "andrew to bayko 2, edited");
                andrewsTexts.add("andrew to bayko 2, edited");
            }
            if (i == 4) {
                world.delete(world.andrew, sent);
            }
        }
        world.clock.advance(Duration.ofSeconds(1));
        withLondo = world.sendToHandle(world.andrew, "londo", "andrew to londo").message().groupId();
        andrewsTexts.add("andrew to londo");
        world.sendToGroup(world.londo, withLondo, "londo to andrew");
        world.markRead(world.andrew, withLondo, world.store.latestMessage(withLondo).orElseThrow().id().toString());
        world.block(world.andrew, "londo");
    }

    @Test
    void everyMessageOfTheirsBecomesATombstoneAndNothingOfThePersonIsLeft() {
        andrewTalks();

        ErasureReport report = world.eraseUserData.erase(EraseUserDataCommand.of("@andrewbrown", false), (done, all) -> {
        });

        assertThat(report).isEqualTo(new ErasureReport(false, 2, 126, 1, 1, 0, erasedAndrew.handle()));
        for (MessageGroupId group : List.of(withBayko, withLondo)) {
            assertThat(allMessages(group)).filteredOn(message -> message.sender().id().equals(world.andrew.id()))
                    .isNotEmpty()
                    .allSatisfy(message -> {
                        assertThat(message.isDeleted()).isTrue();
                        assertThat(message.text()).isEmpty();
                        assertThat(message.sender()).isEqualTo(erasedAndrew);
                    });
        }
        assertThat(allMessages(withBayko)).extracting(Message::text).doesNotContainAnyElementsOf(andrewsTexts)
                .contains("bayko to andrew 1", "bayko to andrew 249");
        assertThat(world.store.summaries(world.andrew.id(), PageRequest.firstPage()).items()).isEmpty();
        assertThat(world.groupsOf(world.bayko)).singleElement().satisfies(summary -> {
            assertThat(summary.other()).isEqualTo(erasedAndrew);
            assertThat(summary.lastMessage()).isEqualTo("bayko to andrew 249");
        });
        assertThat(world.groupsOf(world.londo)).singleElement()
                .satisfies(summary -> assertThat(summary.reads().otherLastReadAt()).isEmpty());
        assertThat(world.store.readMarkers(withLondo).of(world.andrew.id())).isEmpty();
        assertThat(world.blocks.blockedBy(world.andrew.id())).isEmpty();
        assertThat(world.directory.byHandle(world.andrew.handle())).isEmpty();
        assertThat(world.directory.byId(world.andrew.id())).contains(world.andrew.erased());
        assertThatThrownBy(() -> world.groupsOf(world.andrew)).isInstanceOf(UnregisteredCallerException.class);
        Message again = world.store.append(withBayko, new NewMessage(new MessageId(UUID.randomUUID()), world.andrew.profile(),
                MessageText.of("again"), world.clock.now(), Optional.of(new ClientMessageId("client-0"))));
        assertThat(again.text()).as("the client id is free again: a new message, not the old one").isEqualTo("again");
    }

    @Test
    void stoppedHalfwayAndRunAgainItFinishesAndErasesNothingTwice() {
        andrewTalks();
        RuntimeException killed = new IllegalStateException("killed");

        assertThatThrownBy(() -> world.eraseUserData.erase(EraseUserDataCommand.of("andrewbrown", false), (done, all) -> {
            if (done == 60) {
                throw killed;
            }
        })).isSameAs(killed);
        Map<MessageId, Message> firstRun = tombstonesOfAndrew();
        assertThat(firstRun).hasSize(60);
        assertThat(world.directory.byHandle(world.andrew.handle())).as("found again by the handle").isPresent();

        List<Long> progress = new ArrayList<>();
        ErasureReport rerun = world.eraseUserData.erase(EraseUserDataCommand.of("andrewbrown", false),
                (done, all) -> progress.add(all));

        assertThat(rerun.messages()).isEqualTo(126 - 60);
        assertThat(progress).containsOnly(66L);
        assertThat(tombstonesOfAndrew()).hasSize(126).containsAllEntriesOf(firstRun);
        assertThatThrownBy(() -> world.eraseUserData.erase(EraseUserDataCommand.of("andrewbrown", false), (done, all) -> {
        })).as("an erased handle names nobody").isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDryRunSaysWhatItWouldEraseAndChangesNothing() {
        andrewTalks();
        List<Message> before = allMessages(withBayko);

        ErasureReport report = world.eraseUserData.erase(EraseUserDataCommand.of("andrewbrown", true), (done, all) -> {
            throw new AssertionError("a dry run erases nothing");
        });

        assertThat(report).isEqualTo(new ErasureReport(true, 2, 126, 1, -1, -1, erasedAndrew.handle()));
        assertThat(allMessages(withBayko)).isEqualTo(before);
        assertThat(world.groupsOf(world.andrew)).hasSize(2);
        assertThat(world.blocks.blockedBy(world.andrew.id())).hasSize(1);
    }

    @Test
    void aMessageStoredAfterItsConversationWasPassedIsFoundByTheLastLook() {
        andrewTalks();
        Message[] late = new Message[1];

        world.eraseUserData.erase(EraseUserDataCommand.of("andrewbrown", false), (done, all) -> {
            if (done == all && late[0] == null) { // a send that let him in just before the sign-out, stored only now
                late[0] = world.store.append(withLondo, new NewMessage(new MessageId(UUID.randomUUID()),
                        world.andrew.profile(), MessageText.of("one last word"), world.clock.now()));
            }
        });

        assertThat(world.store.message(withLondo, late[0].id())).hasValueSatisfying(message -> {
            assertThat(message.isDeleted()).isTrue();
            assertThat(message.sender()).isEqualTo(erasedAndrew);
        });
    }

    @Test
    void nobodySendsToAnErasedAccountAnyMore() {
        andrewTalks();
        world.eraseUserData.erase(EraseUserDataCommand.of("andrewbrown", false), (done, all) -> {
        });
        List<Message> before = allMessages(withBayko);

        assertThatThrownBy(() -> world.sendToGroup(world.bayko, withBayko, "still there?"))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.RECIPIENT_UNAVAILABLE));
        assertThatThrownBy(() -> world.sendToHandle(world.bayko, erasedAndrew.handle().value(), "hello?"))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.RECIPIENT_UNAVAILABLE));
        assertThat(allMessages(withBayko)).isEqualTo(before);
        assertThat(world.messages(world.bayko, withBayko, PageRequest.firstPage()).items()).isNotEmpty();
    }

    @Test
    void theStreamsTheyStillHaveOpenEndAndTheOthersStayOpen() {
        andrewTalks();
        RecordingSink andrews = new RecordingSink();
        RecordingSink baykos = new RecordingSink();
        world.followEvents.follow(new FollowEventsCommand(Optional.of(World.caller(world.andrew)), Optional.empty(),
                Optional.empty(), andrews));
        world.followEvents.follow(new FollowEventsCommand(Optional.of(World.caller(world.bayko)), Optional.empty(),
                Optional.empty(), baykos));

        String ticket = world.issueEventTicket.issueEventTicket(World.caller(world.andrew)).value();

        world.eraseUserData.erase(EraseUserDataCommand.of("andrewbrown", false), (done, all) -> {
        });

        assertThat(world.tickets.redeem(ticket, world.clock.now().instant())).as("a ticket issued before").isEmpty();
        assertThat(andrews.resyncs()).isEqualTo(1);
        assertThat(baykos.resyncs()).isZero();
        assertThat(baykos.events()).extracting(DeliveredEvent::event)
                .filteredOn(ConversationEvent.MessageRevised.class::isInstance).hasSize(125);
    }

    @Test
    void anUnknownHandleIsNotFound() {
        assertThatThrownBy(() -> world.eraseUserData.erase(EraseUserDataCommand.of("nobody", false), (done, all) -> {
        })).isInstanceOf(NotFoundException.class);
    }

    private Map<MessageId, Message> tombstonesOfAndrew() {
        List<Message> all = new ArrayList<>(allMessages(withBayko));
        all.addAll(allMessages(withLondo));
        return all.stream().filter(message -> message.sender().equals(erasedAndrew))
                .collect(Collectors.toMap(Message::id, Function.identity()));
    }

    private List<Message> allMessages(MessageGroupId group) {
        List<Message> all = new ArrayList<>();
        EveryPage.each(request -> world.store.messages(group, request), all::add);
        return all;
    }
}
