package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.ExportUserDataCommand;
import com.cruddur.messaging.domain.application.port.in.ExportUserDataUseCase;
import com.cruddur.messaging.domain.application.port.in.UserDataSink;
import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserData;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

public final class ExportUserData implements ExportUserDataUseCase {
    /** Messages are read this many at a time: the most a page holds. */
    private static final int PAGE = PageRequest.MAX_LIMIT;

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
        User user = directory.byHandle(command.handle())
                .orElseThrow(() -> NotFoundException.user(command.handle().value()));
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

    /** The user's conversations (their summaries: one each, small), all of them before any message is read. */
    private List<GroupSummary> conversationsOf(User user) {
        List<GroupSummary> all = new ArrayList<>();
        eachOfEveryPage(request -> store.summaries(user.id(), request), all::add);
        return all;
    }

    /** The user's messages of one conversation, a page at a time, newest pages first. */
    private long writeSentMessages(User user, GroupSummary conversation, UserDataSink sink) {
        long[] written = {0};
        eachOfEveryPage(request -> store.messages(conversation.groupId(), request), message -> {
            if (message.sender().id().equals(user.id())) {
                sink.write(new UserData.SentMessage(message));
                written[0]++;
            }
        });
        return written[0];
    }

    /** Each item of every page, page after page; only one page is held at a time. */
    private static <T> void eachOfEveryPage(Function<PageRequest, Page<T>> read, Consumer<T> each) {
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            Page<T> page = read.apply(request);
            page.items().forEach(each);
            if (page.next().isEmpty()) {
                return;
            }
            request = request.after(page.next().get());
        }
    }
}
