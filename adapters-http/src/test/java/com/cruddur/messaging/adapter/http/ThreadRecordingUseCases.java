package com.cruddur.messaging.adapter.http;

import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsQuery;
import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsUseCase;
import com.cruddur.messaging.domain.application.port.in.ListMessagesQuery;
import com.cruddur.messaging.domain.application.port.in.ListMessagesUseCase;
import com.cruddur.messaging.domain.application.port.in.MarkGroupReadCommand;
import com.cruddur.messaging.domain.application.port.in.MarkGroupReadUseCase;
import com.cruddur.messaging.domain.application.port.in.SendMessageToGroupCommand;
import com.cruddur.messaging.domain.application.port.in.SendMessageToGroupUseCase;
import com.cruddur.messaging.domain.application.port.in.SendMessageToHandleCommand;
import com.cruddur.messaging.domain.application.port.in.SendMessageToHandleUseCase;
import com.cruddur.messaging.domain.application.port.in.SentMessage;
import com.cruddur.messaging.domain.application.port.in.ShortProfileQuery;
import com.cruddur.messaging.domain.application.port.in.ShowShortProfileUseCase;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.Profile;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The real use cases, noting the threads they run on, so a test can prove none runs on the event loop. */
final class ThreadRecordingUseCases implements ListMessageGroupsUseCase, ListMessagesUseCase,
        SendMessageToGroupUseCase, SendMessageToHandleUseCase, ShowShortProfileUseCase, MarkGroupReadUseCase {
    private final ListMessageGroupsUseCase listMessageGroups;
    private final ListMessagesUseCase listMessages;
    private final SendMessageToGroupUseCase sendMessageToGroup;
    private final SendMessageToHandleUseCase sendMessageToHandle;
    private final ShowShortProfileUseCase showShortProfile;
    private final MarkGroupReadUseCase markGroupRead;
    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    ThreadRecordingUseCases(ListMessageGroupsUseCase listMessageGroups, ListMessagesUseCase listMessages,
                            SendMessageToGroupUseCase sendMessageToGroup,
                            SendMessageToHandleUseCase sendMessageToHandle, ShowShortProfileUseCase showShortProfile,
                            MarkGroupReadUseCase markGroupRead) {
        this.listMessageGroups = listMessageGroups;
        this.listMessages = listMessages;
        this.sendMessageToGroup = sendMessageToGroup;
        this.sendMessageToHandle = sendMessageToHandle;
        this.showShortProfile = showShortProfile;
        this.markGroupRead = markGroupRead;
    }

    Set<String> threads() {
        return Set.copyOf(threads);
    }

    private void note() {
        threads.add(Thread.currentThread().getName());
    }

    @Override
    public Page<GroupSummary> listMessageGroups(ListMessageGroupsQuery query) {
        note();
        return listMessageGroups.listMessageGroups(query);
    }

    @Override
    public Page<Message> listMessages(ListMessagesQuery query) {
        note();
        return listMessages.listMessages(query);
    }

    @Override
    public Message sendToGroup(SendMessageToGroupCommand command) {
        note();
        return sendMessageToGroup.sendToGroup(command);
    }

    @Override
    public SentMessage sendToHandle(SendMessageToHandleCommand command) {
        note();
        return sendMessageToHandle.sendToHandle(command);
    }

    @Override
    public Profile showShortProfile(ShortProfileQuery query) {
        note();
        return showShortProfile.showShortProfile(query);
    }

    @Override
    public void markGroupRead(MarkGroupReadCommand command) {
        note();
        markGroupRead.markGroupRead(command);
    }
}
