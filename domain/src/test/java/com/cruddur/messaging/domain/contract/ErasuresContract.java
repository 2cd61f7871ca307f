package com.cruddur.messaging.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.Erasures;
import com.cruddur.messaging.domain.application.port.out.GroupCreation;
import com.cruddur.messaging.domain.error.ConflictException;
import com.cruddur.messaging.domain.fixtures.Profiles;
import com.cruddur.messaging.domain.model.ClientMessageId;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.MessageId;
import com.cruddur.messaging.domain.model.MessageText;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Erasures} adapter promises, on the {@link ConversationStore} it belongs to. Subclass it once per
 * adapter. Each test works on users it makes up, so a subclass may hand out one shared store for all tests.
 */
public abstract class ErasuresContract {
    private static final Timestamp T0 = Timestamp.parse("2026-04-01T09:00:00.000001+00:00");

    /** A store that is also the erasures of what it holds. */
    protected abstract <S extends ConversationStore & Erasures> S store();

    /** Whether anything the store holds (every item or row, summaries and send records included) contains the text. */
    protected abstract boolean holdsText(String text);

    private ConversationStore store;
    private Erasures erasures;
    private Profile alice;
    private Profile erasedAlice;
    private Profile bob;

    @BeforeEach
    void meetTheUsers() {
        var both = store();
        store = both;
        erasures = both;
        Profile random = Profiles.random("alice");
        alice = new Profile(random.id(), random.handle(), "Alice " + UUID.randomUUID());
        erasedAlice = new User(alice.id(), alice.handle(), alice.displayName(), Optional.empty()).erased().profile();
        bob = Profiles.random("bob");
    }

    @Test
    void aForgottenMemberLosesTheirSummaryAndMarkerAndTheOthersSeeTheirErasedProfile() {
        MessageGroup group = created(alice, bob, "hi bob", T0);
        stored(group, bob, "hi alice", at(1));
        store.markRead(group.id(), alice.id(), at(1));

        erasures.forgetMember(group.id(), erasedAlice);

        assertThat(store.summaries(alice.id(), PageRequest.firstPage()).items()).isEmpty();
        GroupSummary bobs = onlySummaryOf(bob);
        assertThat(bobs.other()).isEqualTo(erasedAlice);
        assertThat(bobs.reads().otherLastReadAt()).isEmpty();
        assertThat(store.readMarkers(group.id()).of(alice.id())).isEmpty();
        assertThat(store.readMarkers(group.id()).of(bob.id())).contains(at(1));
        assertThat(store.group(group.id())).hasValueSatisfying(
                found -> assertThat(found.members()).containsExactlyInAnyOrder(erasedAlice, bob));
        assertThat(store.messages(group.id(), PageRequest.firstPage()).items()).extracting(Message::text)
                .containsExactly("hi bob", "hi alice");
    }

    @Test
    void aForgottenMembersSummaryIsNotWrittenBackByLaterMessages() {
        MessageGroup group = created(alice, bob, "hi bob", T0);
        erasures.forgetMember(group.id(), erasedAlice);

        stored(group, bob, "are you there?", at(2));

        assertThat(store.summaries(alice.id(), PageRequest.firstPage()).items()).isEmpty();
        assertThat(onlySummaryOf(bob).lastMessage()).isEqualTo("are you there?");
        assertThat(onlySummaryOf(bob).other()).isEqualTo(erasedAlice);
    }

    @Test
    void forgettingAgainChangesNothing() {
        MessageGroup group = created(alice, bob, "hi bob", T0);
        erasures.forgetMember(group.id(), erasedAlice);
        GroupSummary once = onlySummaryOf(bob);

        erasures.forgetMember(group.id(), erasedAlice);

        assertThat(onlySummaryOf(bob)).isEqualTo(once);
        assertThat(store.summaries(alice.id(), PageRequest.firstPage()).items()).isEmpty();
    }

    @Test
    void afterTombstonesCarryingTheErasedProfileAndTheForgettingNothingHoldsTheirTextsOrName() {
        MessageGroup group = created(alice, bob, "alice's first secret " + UUID.randomUUID(), T0);
        Message second = stored(group, alice, "alice's second secret " + UUID.randomUUID(), at(1));
        Message deletedEarlier = second.deleted(at(2));
        assertThat(store.revise(second, deletedEarlier)).isTrue();
        store.project(deletedEarlier);
        List<Message> hers = store.messages(group.id(), PageRequest.firstPage()).items();

        for (Message message : hers) {
            Message tombstone = message.erasedAs(erasedAlice, message.nextRevisionAt(at(3)));
            assertThat(store.revise(message, tombstone)).isTrue();
            store.project(tombstone);
        }
        erasures.forgetMember(group.id(), erasedAlice);

        assertThat(store.messages(group.id(), PageRequest.firstPage()).items()).allSatisfy(message -> {
            assertThat(message.isDeleted()).isTrue();
            assertThat(message.sender()).isEqualTo(erasedAlice);
        });
        assertThat(holdsText(hers.get(0).text())).isFalse();
        assertThat(holdsText(second.text())).isFalse();
        assertThat(holdsText(alice.handle().value())).isFalse();
        assertThat(holdsText(alice.displayName())).isFalse();
        assertThat(onlySummaryOf(bob).lastMessage()).isEmpty();
    }

    @Test
    void aTombstoneIsNeverRevisedBackIntoAMessage() {
        MessageGroup group = created(alice, bob, "hi bob", T0);
        Message first = store.messages(group.id(), PageRequest.firstPage()).items().get(0);
        Message tombstone = first.deleted(at(1));
        assertThat(store.revise(first, tombstone)).isTrue();
        Message undeleted = new Message(first.id(), first.groupId(), first.sender(), "hi bob", first.createdAt(),
                Optional.of(at(2)), Optional.empty());

        assertThat(store.revise(tombstone, undeleted)).isFalse();
        assertThat(store.message(group.id(), first.id())).contains(tombstone);
    }

    @Test
    void forgettingASendersClientIdsFreesEachOfThemAndNoOneElses() {
        MessageGroup group = created(alice, bob, "hi bob", T0);
        ClientMessageId first = new ClientMessageId("erase-" + UUID.randomUUID());
        ClientMessageId second = new ClientMessageId("erase-" + UUID.randomUUID());
        store.append(group.id(), draft(alice, "one", at(1), first));
        store.append(group.id(), draft(alice, "two", at(2), second));
        store.append(group.id(), draft(bob, "three", at(3), first));

        assertThat(erasures.forgetClientIds(alice.id())).isEqualTo(2);

        assertThat(store.append(group.id(), draft(alice, "another text", at(4), first)).text()).isEqualTo("another text");
        assertThatThrownBy(() -> store.append(group.id(), draft(bob, "another text", at(5), first)))
                .isInstanceOf(ConflictException.class);
        assertThat(erasures.forgetClientIds(bob.id())).isEqualTo(1);
        assertThat(erasures.forgetClientIds(bob.id())).isZero();
    }

    @Test
    void forgettingSomeoneWhoIsNotAMemberChangesNothing() {
        MessageGroup group = created(alice, bob, "hi bob", T0);
        Profile carol = Profiles.random("carol");
        Profile erasedCarol = new User(carol.id(), carol.handle(), carol.displayName(), Optional.empty()).erased().profile();

        erasures.forgetMember(group.id(), erasedCarol);
        erasures.forgetMember(new MessageGroupId(UUID.randomUUID()), erasedAlice);

        assertThat(onlySummaryOf(alice).other()).isEqualTo(bob);
        assertThat(onlySummaryOf(bob).other()).isEqualTo(alice);
    }

    private MessageGroup created(Profile sender, Profile receiver, String text, Timestamp at) {
        MessageGroup group = new MessageGroup(new MessageGroupId(UUID.randomUUID()), sender, receiver);
        assertThat(store.create(group, draft(sender, text, at))).isInstanceOf(GroupCreation.Created.class);
        return group;
    }

    /** Appends and projects, as the stream would. */
    private Message stored(MessageGroup group, Profile sender, String text, Timestamp at) {
        Message message = store.append(group.id(), draft(sender, text, at));
        store.project(message);
        return message;
    }

    private GroupSummary onlySummaryOf(Profile owner) {
        List<GroupSummary> items = store.summaries(owner.id(), PageRequest.firstPage()).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static NewMessage draft(Profile sender, String text, Timestamp at) {
        return new NewMessage(new MessageId(UUID.randomUUID()), sender, MessageText.of(text), at);
    }

    private static NewMessage draft(Profile sender, String text, Timestamp at, ClientMessageId id) {
        return new NewMessage(new MessageId(UUID.randomUUID()), sender, MessageText.of(text), at, Optional.of(id));
    }

    private static Timestamp at(int seconds) {
        return new Timestamp(T0.instant().plus(Duration.ofSeconds(seconds)));
    }
}
