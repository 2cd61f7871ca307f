package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.ExportUserDataCommand;
import com.cruddur.messaging.domain.application.port.in.ExportUserDataUseCase;
import com.cruddur.messaging.domain.application.port.in.UserDataSink;
import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserData;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class ExportUserData implements ExportUserDataUseCase {
    private final UserDirectory directory;
    private final ConversationStore store;
    private final Blocks blocks;

    public ExportUserData(UserDirectory directory, ConversationStore store, Blocks blocks) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.store = Objects.requireNonNull(store, "store");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
    }

    @Override
    public UserData.Totals export(ExportUserDataCommand command, UserDataSink sink) {
        User user = account(command);
        sink.write(new UserData.Account(user));
        List<GroupSummary> conversations = conversationsOf(user);
        long messages = 0;
        for (int done = 0; done < conversations.size(); done++) {
            GroupSummary conversation = conversations.get(done);
            sink.write(new UserData.Conversation(conversation.groupId(), conversation.other(),
                    store.readMarkers(conversation.groupId()).of(user.id())));
            messages += writeSentMessages(user, conversation, sink);
            sink.progress(done + 1, conversations.size(), messages);
        }
        int blocked = 0;
        for (var id : blocks.blockedBy(user.id())) {
            Optional<User> other = directory.byId(id);
            if (other.isPresent()) {
                sink.write(new UserData.Block(other.get().profile()));
                blocked++;
            }
        }
        UserData.Totals totals = new UserData.Totals(conversations.size(), messages, blocked);
        sink.write(totals);
        return totals;
    }

    @Override
    public User account(ExportUserDataCommand command) {
        return directory.byHandle(command.handle()).orElseThrow(() -> NotFoundException.user(command.handle().value()));
    }

    /** The user's conversations (their summaries: one each, small), all of them before any message is read. */
    private List<GroupSummary> conversationsOf(User user) {
        return EveryPage.all(request -> store.summaries(user.id(), request));
    }

    /** The user's messages of one conversation, a page at a time, newest pages first. */
    private long writeSentMessages(User user, GroupSummary conversation, UserDataSink sink) {
        long[] written = {0};
        EveryPage.each(request -> store.messages(conversation.groupId(), request), message -> {
            if (message.sender().id().equals(user.id())) {
                sink.write(new UserData.SentMessage(message));
                written[0]++;
            }
        });
        return written[0];
    }
}
