package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.SendMessageToHandleCommand;
import com.cruddur.messaging.domain.application.port.in.SendMessageToHandleUseCase;
import com.cruddur.messaging.domain.application.port.in.SentMessage;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.application.port.out.GroupCreation;
import com.cruddur.messaging.domain.application.port.out.IdSource;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.NewMessage;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserPair;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

public final class SendMessageToHandle implements SendMessageToHandleUseCase {
    private final Callers callers;
    private final UserDirectory directory;
    private final Blocking blocking;
    private final Drafts drafts;
    private final IdSource ids;
    private final ConversationStore store;
    private final EventBus events;

    public SendMessageToHandle(Callers callers, UserDirectory directory, Blocking blocking, Drafts drafts, IdSource ids,
                               ConversationStore store, EventBus events) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public SentMessage sendToHandle(SendMessageToHandleCommand command) {
        User sender = callers.identify(command.caller());
        User recipient = directory.byHandle(command.recipient())
                .orElseThrow(() -> NotFoundException.user(command.recipient().value()));
        if (recipient.id().equals(sender.id())) {
            throw new InvalidInputException(ErrorCode.MESSAGE_TO_SELF);
        }
        // Before anything is stored: a blocked sender neither posts nor starts a conversation.
        blocking.requireMayReach(sender.id(), recipient.profile());
        NewMessage draft = drafts.from(sender, command.text(), command.clientId());
        SentMessage sent = send(sender, recipient, draft);
        // A retry (same client_message_id) announces the message again: the first attempt's announcement may
        // never have gone out (its instance died after storing it). Followers key on the message's uuid.
        events.publish(new ConversationEvent.MessageSent(sent.message(), Set.of(sender.id(), recipient.id())));
        return sent;
    }

    private SentMessage send(User sender, User recipient, NewMessage draft) {
        Optional<MessageGroupId> existing = store.groupOf(UserPair.of(sender.id(), recipient.id()));
        if (existing.isPresent()) {
            return new SentMessage(store.append(existing.get(), draft), false);
        }
        var group = new MessageGroup(new MessageGroupId(ids.next()), sender.profile(), recipient.profile());
        GroupCreation creation = store.create(group, draft);
        if (creation instanceof GroupCreation.Created created) {
            return new SentMessage(created.first(), true);
        }
        if (creation instanceof GroupCreation.AlreadySent sent) {
            // A retry whose first attempt got this far: its answer again.
            return new SentMessage(sent.earlier(), false);
        }
        // Someone created the pair's group between our lookup and our write: post into theirs.
        var taken = (GroupCreation.PairTaken) creation;
        return new SentMessage(store.append(taken.existing(), draft), false);
    }
}
