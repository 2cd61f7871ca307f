package com.cruddur.messaging.adapter.http;

import com.cruddur.messaging.adapter.memory.InMemoryBlocks;
import com.cruddur.messaging.adapter.memory.InMemoryConversationStore;
import com.cruddur.messaging.adapter.memory.InMemoryEventBus;
import com.cruddur.messaging.adapter.memory.InMemoryEventTickets;
import com.cruddur.messaging.adapter.memory.InMemoryUserDirectory;
import com.cruddur.messaging.domain.application.port.in.BlockUserUseCase;
import com.cruddur.messaging.domain.application.port.in.DeleteMessageUseCase;
import com.cruddur.messaging.domain.application.port.in.EditMessageUseCase;
import com.cruddur.messaging.domain.application.port.in.EraseUserDataUseCase;
import com.cruddur.messaging.domain.application.port.in.ExportUserDataUseCase;
import com.cruddur.messaging.domain.application.port.in.FollowEventsUseCase;
import com.cruddur.messaging.domain.application.port.in.IssueEventTicketUseCase;
import com.cruddur.messaging.domain.application.port.in.ListBlockedUsersUseCase;
import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsUseCase;
import com.cruddur.messaging.domain.application.port.in.ListMessagesUseCase;
import com.cruddur.messaging.domain.application.port.in.MarkGroupReadUseCase;
import com.cruddur.messaging.domain.application.port.in.SendMessageToGroupUseCase;
import com.cruddur.messaging.domain.application.port.in.SendMessageToHandleUseCase;
import com.cruddur.messaging.domain.application.port.in.ShowMessageGroupUseCase;
import com.cruddur.messaging.domain.application.port.in.ShowShortProfileUseCase;
import com.cruddur.messaging.domain.application.port.in.SignalTypingUseCase;
import com.cruddur.messaging.domain.application.usecase.BlockUser;
import com.cruddur.messaging.domain.application.usecase.Blocking;
import com.cruddur.messaging.domain.application.usecase.Callers;
import com.cruddur.messaging.domain.application.usecase.DeleteMessage;
import com.cruddur.messaging.domain.application.usecase.Drafts;
import com.cruddur.messaging.domain.application.usecase.EditMessage;
import com.cruddur.messaging.domain.application.usecase.EraseUserData;
import com.cruddur.messaging.domain.application.usecase.ExportUserData;
import com.cruddur.messaging.domain.application.usecase.FollowEvents;
import com.cruddur.messaging.domain.application.usecase.IssueEventTicket;
import com.cruddur.messaging.domain.application.usecase.ListBlockedUsers;
import com.cruddur.messaging.domain.application.usecase.ListMessageGroups;
import com.cruddur.messaging.domain.application.usecase.ListMessages;
import com.cruddur.messaging.domain.application.usecase.MarkGroupRead;
import com.cruddur.messaging.domain.application.usecase.Memberships;
import com.cruddur.messaging.domain.application.usecase.OwnMessages;
import com.cruddur.messaging.domain.application.usecase.SendMessageToGroup;
import com.cruddur.messaging.domain.application.usecase.SendMessageToHandle;
import com.cruddur.messaging.domain.application.usecase.ShowMessageGroup;
import com.cruddur.messaging.domain.application.usecase.ShowShortProfile;
import com.cruddur.messaging.domain.application.usecase.SignalTyping;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import com.cruddur.messaging.support.system.RandomIdSource;
import com.cruddur.messaging.support.system.SystemClock;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The use cases on the in-memory adapters, as the app wires them on real ones. The store is wrapped
 * in a {@link SwitchableStore} so a test can take it down and see the 503.
 */
@Factory
class TestWiring {
    static final User ANDREW = user("andrewbrown", "Andrew Brown");
    static final User BAYKO = user("bayko", "Andrew Bayko");
    static final User LONDO = user("londo", "Londo Mollari");
    /** In the pool but not in the directory: a valid token of an unregistered user. */
    static final String UNREGISTERED_SUB = UUID.randomUUID().toString();

    static String sub(User user) {
        return user.cognitoUserId().orElseThrow().value();
    }

    @Singleton
    SwitchableStore conversationStore() {
        return new SwitchableStore(new InMemoryConversationStore());
    }

    /** Registers a fresh user, so that each test has people nobody else talks to. */
    static User register(InMemoryUserDirectory directory, String name) {
        User user = user(name + "-" + UUID.randomUUID().toString().substring(0, 8),
                Character.toUpperCase(name.charAt(0)) + name.substring(1) + " Tester");
        directory.register(user);
        return user;
    }

    @Singleton
    InMemoryUserDirectory userDirectory() {
        var directory = new InMemoryUserDirectory();
        directory.register(ANDREW);
        directory.register(BAYKO);
        directory.register(LONDO);
        return directory;
    }

    @Singleton
    @Bean(preDestroy = "close")
    InMemoryEventBus eventBus() {
        return new InMemoryEventBus(100);
    }

    @Singleton
    InMemoryEventTickets eventTickets() {
        return new InMemoryEventTickets();
    }

    @Singleton
    InMemoryBlocks blocks() {
        return new InMemoryBlocks();
    }

    @Singleton
    FollowEventsUseCase followEvents(InMemoryUserDirectory directory, InMemoryEventTickets tickets, InMemoryEventBus bus,
                                     InMemoryBlocks blocks) {
        return new FollowEvents(new Callers(directory), tickets, bus, blocks, new SystemClock());
    }

    @Singleton
    BlockUserUseCase blockUser(InMemoryUserDirectory directory, InMemoryBlocks blocks, InMemoryEventBus bus) {
        return new BlockUser(new Callers(directory), directory, blocks, bus);
    }

    @Singleton
    ListBlockedUsersUseCase listBlockedUsers(InMemoryUserDirectory directory, InMemoryBlocks blocks) {
        return new ListBlockedUsers(new Callers(directory), directory, blocks);
    }

    @Singleton
    IssueEventTicketUseCase issueEventTicket(InMemoryUserDirectory directory, InMemoryEventTickets tickets) {
        return new IssueEventTicket(new Callers(directory), tickets, new RandomIdSource(), new SystemClock());
    }

    @Singleton
    ThreadRecordingUseCases useCases(SwitchableStore store, InMemoryUserDirectory directory, InMemoryEventBus events,
                                     InMemoryBlocks blocks) {
        var callers = new Callers(directory);
        var blocking = new Blocking(blocks);
        var memberships = new Memberships(store);
        var ids = new RandomIdSource();
        var drafts = new Drafts(new SystemClock(), ids);
        return new ThreadRecordingUseCases(
                new ListMessageGroups(callers, store),
                new ListMessages(callers, memberships, store),
                new SendMessageToGroup(callers, memberships, blocking, drafts, store, events),
                new SendMessageToHandle(callers, directory, blocking, drafts, ids, store, events),
                new ShowShortProfile(callers, directory),
                new MarkGroupRead(callers, memberships, store, events));
    }

    @Singleton
    ExportUserDataUseCase exportUserData(SwitchableStore store, InMemoryUserDirectory directory, InMemoryBlocks blocks) {
        return new ExportUserData(directory, store, blocks);
    }

    @Singleton
    EraseUserDataUseCase eraseUserData(SwitchableStore store, InMemoryUserDirectory directory, InMemoryBlocks blocks,
                                       InMemoryEventBus events, InMemoryEventTickets tickets) {
        return new EraseUserData(directory, store, store.erasures(), blocks, events, tickets, new SystemClock(),
                Duration.ZERO);
    }

    @Singleton
    ShowMessageGroupUseCase showMessageGroup(SwitchableStore store, InMemoryUserDirectory directory) {
        return new ShowMessageGroup(new Callers(directory), new Memberships(store), store);
    }

    @Singleton
    SignalTypingUseCase signalTyping(SwitchableStore store, InMemoryUserDirectory directory, InMemoryEventBus events) {
        return new SignalTyping(new Callers(directory), new Memberships(store), events, new SystemClock());
    }

    @Singleton
    EditMessageUseCase editMessage(SwitchableStore store, InMemoryUserDirectory directory, InMemoryEventBus events) {
        return new EditMessage(new Callers(directory), new Memberships(store), new OwnMessages(store), new SystemClock(),
                events);
    }

    @Singleton
    DeleteMessageUseCase deleteMessage(SwitchableStore store, InMemoryUserDirectory directory, InMemoryEventBus events) {
        return new DeleteMessage(new Callers(directory), new Memberships(store), new OwnMessages(store),
                new SystemClock(), events);
    }

    @Singleton
    ListMessageGroupsUseCase listMessageGroups(ThreadRecordingUseCases useCases) {
        return useCases;
    }

    @Singleton
    ListMessagesUseCase listMessages(ThreadRecordingUseCases useCases) {
        return useCases;
    }

    @Singleton
    SendMessageToGroupUseCase sendMessageToGroup(ThreadRecordingUseCases useCases) {
        return useCases;
    }

    @Singleton
    SendMessageToHandleUseCase sendMessageToHandle(ThreadRecordingUseCases useCases) {
        return useCases;
    }

    @Singleton
    MarkGroupReadUseCase markGroupRead(ThreadRecordingUseCases useCases) {
        return useCases;
    }

    @Singleton
    ShowShortProfileUseCase showShortProfile(ThreadRecordingUseCases useCases) {
        return useCases;
    }

    private static User user(String handle, String displayName) {
        return new User(new UserId(UUID.randomUUID()), new Handle(handle), displayName,
                Optional.of(new CognitoUserId(UUID.randomUUID().toString())));
    }
}
