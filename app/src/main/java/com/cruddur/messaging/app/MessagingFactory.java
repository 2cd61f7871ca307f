package com.cruddur.messaging.app;

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
import com.cruddur.messaging.domain.application.port.in.ProjectMessageUseCase;
import com.cruddur.messaging.domain.application.port.in.ProjectReadMarkersUseCase;
import com.cruddur.messaging.domain.application.port.in.SendMessageToGroupUseCase;
import com.cruddur.messaging.domain.application.port.in.SendMessageToHandleUseCase;
import com.cruddur.messaging.domain.application.port.in.ShowMessageGroupUseCase;
import com.cruddur.messaging.domain.application.port.in.ShowShortProfileUseCase;
import com.cruddur.messaging.domain.application.port.in.SignalTypingUseCase;
import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.application.port.out.Clock;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.Erasures;
import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.application.port.out.EventTickets;
import com.cruddur.messaging.domain.application.port.out.IdSource;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
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
import com.cruddur.messaging.domain.application.usecase.ProjectMessage;
import com.cruddur.messaging.domain.application.usecase.ProjectReadMarkers;
import com.cruddur.messaging.domain.application.usecase.SendMessageToGroup;
import com.cruddur.messaging.domain.application.usecase.SendMessageToHandle;
import com.cruddur.messaging.domain.application.usecase.ShowMessageGroup;
import com.cruddur.messaging.domain.application.usecase.ShowShortProfile;
import com.cruddur.messaging.domain.application.usecase.SignalTyping;
import com.cruddur.messaging.support.system.RandomIdSource;
import com.cruddur.messaging.support.system.SystemClock;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.tracing.annotation.NewSpan;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Wires the framework-free domain: every use case, built on whichever {@link ConversationStore}
 * and {@link UserDirectory} the store configuration provides. When tracing is on ({@link Tracing}) each use
 * case call is a span (named for its port and method, e.g. {@code SendMessageToHandleUseCase.sendToHandle}), between the request's span and the store's calls; the domain knows
 * nothing of it.
 */
@Factory
class MessagingFactory {

    @Singleton
    Clock clock() {
        return new SystemClock();
    }

    @Singleton
    IdSource idSource() {
        return new RandomIdSource();
    }

    @Singleton
    Callers callers(UserDirectory directory) {
        return new Callers(new RecentCallers(directory));
    }

    @Singleton
    @Bean(typed = CachedBlocks.class, preDestroy = "close")
    CachedBlocks cachedBlocks(Blocks blocks, EventBus events) {
        return new CachedBlocks(blocks, events);
    }

    @Singleton
    Blocking blocking(CachedBlocks blocks) {
        return new Blocking(blocks);
    }

    @Singleton
    @NewSpan
    BlockUserUseCase blockUser(Callers callers, UserDirectory directory, CachedBlocks blocks, EventBus events) {
        return new BlockUser(callers, directory, blocks, events);
    }

    @Singleton
    @NewSpan
    ListBlockedUsersUseCase listBlockedUsers(Callers callers, UserDirectory directory, CachedBlocks blocks) {
        return new ListBlockedUsers(callers, directory, blocks);
    }

    @Singleton
    Memberships memberships(ConversationStore store) {
        return new Memberships(store);
    }

    @Singleton
    Drafts drafts(Clock clock, IdSource ids) {
        return new Drafts(clock, ids);
    }

    @Singleton
    @NewSpan
    ListMessageGroupsUseCase listMessageGroups(Callers callers, ConversationStore store) {
        return new ListMessageGroups(callers, store);
    }

    @Singleton
    @NewSpan
    ListMessagesUseCase listMessages(Callers callers, Memberships memberships, ConversationStore store) {
        return new ListMessages(callers, memberships, store);
    }

    @Singleton
    ExportUserDataUseCase exportUserData(UserDirectory directory, ConversationStore store, Blocks blocks) {
        return new ExportUserData(directory, store, blocks);
    }

    /**
     * The last look for the user's messages waits until no instance can still let them in: an instance keeps a found
     * caller for {@link RecentCallers#KEPT_FOR}, and a request let in just before may take a few seconds more
     * ({@code cruddur.users.erase-waits-for}, 15 s).
     */
    @Singleton
    EraseUserDataUseCase eraseUserData(UserDirectory directory, ConversationStore store, Erasures erasures, Blocks blocks,
                                       EventBus events, EventTickets tickets, Clock clock,
                                       @Value("${cruddur.users.erase-waits-for:15s}") Duration signInsLinger) {
        return new EraseUserData(directory, store, erasures, blocks, events, tickets, clock, signInsLinger);
    }

    @Singleton
    @NewSpan
    ShowMessageGroupUseCase showMessageGroup(Callers callers, Memberships memberships, ConversationStore store) {
        return new ShowMessageGroup(callers, memberships, store);
    }

    @Singleton
    @NewSpan
    SendMessageToGroupUseCase sendMessageToGroup(Callers callers, Memberships memberships, Blocking blocking,
                                                 Drafts drafts, ConversationStore store, EventBus events) {
        return new SendMessageToGroup(callers, memberships, blocking, drafts, store, events);
    }

    @Singleton
    @NewSpan
    SendMessageToHandleUseCase sendMessageToHandle(Callers callers, UserDirectory directory, Blocking blocking,
                                                   Drafts drafts, IdSource ids, ConversationStore store, EventBus events) {
        return new SendMessageToHandle(callers, directory, blocking, drafts, ids, store, events);
    }

    @Singleton
    @NewSpan
    ShowShortProfileUseCase showShortProfile(Callers callers, UserDirectory directory) {
        return new ShowShortProfile(callers, directory);
    }

    @Singleton
    @NewSpan
    MarkGroupReadUseCase markGroupRead(Callers callers, Memberships memberships, ConversationStore store,
                                       EventBus events) {
        return new MarkGroupRead(callers, memberships, store, events);
    }

    @Singleton
    @NewSpan
    SignalTypingUseCase signalTyping(Callers callers, Memberships memberships, EventBus events, Clock clock) {
        return new SignalTyping(callers, memberships, events, clock);
    }

    @Singleton
    OwnMessages ownMessages(ConversationStore store) {
        return new OwnMessages(store);
    }

    @Singleton
    @NewSpan
    EditMessageUseCase editMessage(Callers callers, Memberships memberships, OwnMessages messages, Clock clock,
                                   EventBus events) {
        return new EditMessage(callers, memberships, messages, clock, events);
    }

    @Singleton
    @NewSpan
    DeleteMessageUseCase deleteMessage(Callers callers, Memberships memberships, OwnMessages messages, Clock clock,
                                       EventBus events) {
        return new DeleteMessage(callers, memberships, messages, clock, events);
    }

    @Singleton
    @NewSpan
    FollowEventsUseCase followEvents(Callers callers, EventTickets tickets, EventBus events, CachedBlocks blocks,
                                     Clock clock) {
        return new FollowEvents(callers, tickets, events, blocks, clock);
    }

    @Singleton
    @NewSpan
    IssueEventTicketUseCase issueEventTicket(Callers callers, EventTickets tickets, IdSource ids, Clock clock) {
        return new IssueEventTicket(callers, tickets, ids, clock);
    }

    @Singleton
    @NewSpan
    ProjectMessageUseCase projectMessage(ConversationStore store) {
        return new ProjectMessage(store);
    }

    @Singleton
    @NewSpan
    ProjectReadMarkersUseCase projectReadMarkers(ConversationStore store) {
        return new ProjectReadMarkers(store);
    }
}
