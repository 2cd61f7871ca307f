package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.adapter.memory.InMemoryBlocks;
import com.cruddur.messaging.adapter.memory.InMemoryConversationStore;
import com.cruddur.messaging.adapter.memory.InMemoryEventBus;
import com.cruddur.messaging.adapter.memory.InMemoryEventTickets;
import com.cruddur.messaging.adapter.memory.InMemoryUserDirectory;
import com.cruddur.messaging.support.system.RandomIdSource;
import com.cruddur.messaging.domain.application.port.in.BlockUserCommand;
import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsQuery;
import com.cruddur.messaging.domain.application.port.in.ListMessagesQuery;
import com.cruddur.messaging.domain.application.port.in.DeleteMessageCommand;
import com.cruddur.messaging.domain.application.port.in.EditMessageCommand;
import com.cruddur.messaging.domain.application.port.in.MarkGroupReadCommand;
import com.cruddur.messaging.domain.application.port.in.SendMessageToGroupCommand;
import com.cruddur.messaging.domain.application.port.in.SendMessageToHandleCommand;
import com.cruddur.messaging.domain.application.port.in.SentMessage;
import com.cruddur.messaging.domain.fixtures.ManualClock;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The use cases wired on in-memory adapters, with three registered users and a clock tests can hold. */
final class World {
    final ManualClock clock = new ManualClock(Timestamp.parse("2026-03-01T18:04:05.123456+00:00"));
    final InMemoryConversationStore store = new InMemoryConversationStore();
    final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    final InMemoryEventBus events = new InMemoryEventBus(100);
    final InMemoryEventTickets tickets = new InMemoryEventTickets();
    final InMemoryBlocks blocks = new InMemoryBlocks();

    final User andrew = register("andrewbrown", "Andrew Brown");
    final User bayko = register("bayko", "Andrew Bayko");
    final User londo = register("londo", "Londo Mollari");
    final CognitoUserId stranger = new CognitoUserId("not-in-the-directory");

    private final Callers callers = new Callers(directory);
    private final Memberships memberships = new Memberships(store);
    private final RandomIdSource ids = new RandomIdSource();
    private final Drafts drafts = new Drafts(clock, ids);
    private final Blocking blocking = new Blocking(blocks);

    final ListMessageGroups listMessageGroups = new ListMessageGroups(callers, store);
    final ListMessages listMessages = new ListMessages(callers, memberships, store);
    final SendMessageToGroup sendMessageToGroup = new SendMessageToGroup(callers, memberships, blocking, drafts, store,
            events);
    final SendMessageToHandle sendMessageToHandle = new SendMessageToHandle(callers, directory, blocking, drafts, ids,
            store, events);
    final ShowShortProfile showShortProfile = new ShowShortProfile(callers, directory);
    final ProjectMessage projectMessage = new ProjectMessage(store);
    final MarkGroupRead markGroupRead = new MarkGroupRead(callers, memberships, store, events);
    final FollowEvents followEvents = new FollowEvents(callers, tickets, events, blocks, clock);
    final BlockUser blockUser = new BlockUser(callers, directory, blocks, events);
    final ListBlockedUsers listBlockedUsers = new ListBlockedUsers(callers, directory, blocks);
    final IssueEventTicket issueEventTicket = new IssueEventTicket(callers, tickets, ids, clock);
    final SignalTyping signalTyping = new SignalTyping(callers, memberships, events, clock);
    final EditMessage editMessage = new EditMessage(callers, memberships, new OwnMessages(store), clock, events);
    final DeleteMessage deleteMessage = new DeleteMessage(callers, memberships, new OwnMessages(store), clock, events);
    final ShowMessageGroup showMessageGroup = new ShowMessageGroup(callers, memberships, store);
    final ExportUserData exportUserData = new ExportUserData(directory, store, blocks);
    final EraseUserData eraseUserData = new EraseUserData(directory, store, store, blocks, events, tickets, clock,
            Duration.ZERO);

    User register(String handle, String displayName) {
        User user = new User(new UserId(UUID.randomUUID()), new Handle(handle), displayName,
                Optional.of(new CognitoUserId("cognito-" + handle)));
        directory.register(user);
        return user;
    }

    static CognitoUserId caller(User user) {
        return user.cognitoUserId().orElseThrow();
    }

    SentMessage sendToHandle(User from, String handle, String text) {
        return sendMessageToHandle.sendToHandle(SendMessageToHandleCommand.of(caller(from), handle, text));
    }

    SentMessage sendToHandle(User from, String handle, String text, String clientId) {
        return sendMessageToHandle.sendToHandle(SendMessageToHandleCommand.of(caller(from), handle, text, clientId));
    }

    Message sendToGroup(User from, MessageGroupId group, String text, String clientId) {
        return sendMessageToGroup.sendToGroup(
                SendMessageToGroupCommand.of(caller(from), group.toString(), text, clientId));
    }

    void markRead(User reader, MessageGroupId group, String upTo) {
        markGroupRead.markGroupRead(MarkGroupReadCommand.of(caller(reader), group.toString(), upTo));
    }

    Message sendToGroup(User from, MessageGroupId group, String text) {
        return sendMessageToGroup.sendToGroup(SendMessageToGroupCommand.of(caller(from), group.toString(), text));
    }

    Message edit(User editor, Message message, String text) {
        return editMessage.editMessage(EditMessageCommand.of(caller(editor), message.groupId().toString(),
                message.id().toString(), text));
    }

    void delete(User deleter, Message message) {
        deleteMessage.deleteMessage(DeleteMessageCommand.of(caller(deleter), message.groupId().toString(),
                message.id().toString()));
    }

    void block(User blocker, String handle) {
        blockUser.block(BlockUserCommand.of(caller(blocker), handle));
    }

    void unblock(User blocker, String handle) {
        blockUser.unblock(BlockUserCommand.of(caller(blocker), handle));
    }

    Page<Message> messages(User reader, MessageGroupId group, PageRequest page) {
        return listMessages.listMessages(ListMessagesQuery.of(caller(reader), group.toString(), page));
    }

    List<GroupSummary> groupsOf(User user) {
        return listMessageGroups.listMessageGroups(new ListMessageGroupsQuery(caller(user), PageRequest.firstPage()))
                .items();
    }
}
