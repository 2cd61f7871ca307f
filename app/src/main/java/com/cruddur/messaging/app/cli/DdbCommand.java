package com.cruddur.messaging.app.cli;

import com.cruddur.messaging.adapter.dynamodb.table.MessagesTable;
import com.cruddur.messaging.app.DemoConversation;
import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.PageRequest;
import com.cruddur.messaging.domain.model.User;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Prototype;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code bin/ddb/*}: the {@code cruddur-messages} table at the configured DynamoDB endpoint. */
@Prototype
@Command(name = "ddb", mixinStandardHelpOptions = true, description = "The DynamoDB table of conversations (cruddur-messages).",
        subcommands = {DdbCommand.SchemaLoad.class, DdbCommand.ListTables.class, DdbCommand.Drop.class,
                DdbCommand.Scan.class, DdbCommand.Seed.class, DdbCommand.GetConversation.class,
                DdbCommand.ListConversations.class})
class DdbCommand {

    @Prototype
    @Command(name = "schema-load", mixinStandardHelpOptions = true,
            description = "Create the table (keys, GSI message-group-sk-index, NEW_IMAGE stream) unless it exists.")
    static class SchemaLoad extends Subcommand {
        private final BeanProvider<MessagesTable> table;

        SchemaLoad(BeanProvider<MessagesTable> table) {
            this.table = table;
        }

        @Override
        public Integer call() {
            MessagesTable messages = table.get();
            out().println((messages.create() ? "created table " : "table exists: ") + messages.name());
            return 0;
        }
    }

    @Prototype
    @Command(name = "list-tables", mixinStandardHelpOptions = true, description = "List the tables of the endpoint.")
    static class ListTables extends Subcommand {
        private final BeanProvider<MessagesTable> table;

        ListTables(BeanProvider<MessagesTable> table) {
            this.table = table;
        }

        @Override
        public Integer call() {
            table.get().listTables().forEach(out()::println);
            return 0;
        }
    }

    @Prototype
    @Command(name = "drop", mixinStandardHelpOptions = true, description = "Delete the table.")
    static class Drop extends Subcommand {
        private final BeanProvider<MessagesTable> table;

        Drop(BeanProvider<MessagesTable> table) {
            this.table = table;
        }

        @Override
        public Integer call() {
            MessagesTable messages = table.get();
            out().println((messages.drop() ? "deleted table " : "no table ") + messages.name());
            return 0;
        }
    }

    @Prototype
    @Command(name = "scan", mixinStandardHelpOptions = true, description = "Print every item of the table (expensive on a real table).")
    static class Scan extends Subcommand {
        private final BeanProvider<MessagesTable> table;

        Scan(BeanProvider<MessagesTable> table) {
            this.table = table;
        }

        @Override
        public Integer call() {
            PrintWriter out = out();
            table.get().scan().forEach(item -> out.println(printable(item)));
            return 0;
        }

        private static Map<String, String> printable(Map<String, AttributeValue> item) {
            Map<String, String> sorted = new TreeMap<>();
            item.forEach((name, value) -> sorted.put(name, value.s() != null ? value.s() : value.toString()));
            return sorted;
        }
    }

    @Prototype
    @Command(name = "seed", mixinStandardHelpOptions = true, description = "Write the demo conversation between andrewbrown and bayko unless present.")
    static class Seed extends Subcommand {
        private final BeanProvider<DemoConversation> conversation;

        Seed(BeanProvider<DemoConversation> conversation) {
            this.conversation = conversation;
        }

        @Override
        public Integer call() {
            DemoConversation.Seeded seeded = conversation.get().seed();
            out().println((seeded.written() ? "wrote" : "already there:") + " demo conversation "
                    + seeded.group());
            return 0;
        }
    }

    @Prototype
    @Command(name = "get-conversation", mixinStandardHelpOptions = true,
            description = "Pattern A: the latest messages of a conversation, oldest first.")
    static class GetConversation extends Subcommand {
        private final BeanProvider<ConversationStore> store;
        @Parameters(paramLabel = "MESSAGE_GROUP_UUID", description = "the conversation")
        String group;

        GetConversation(BeanProvider<ConversationStore> store) {
            this.store = store;
        }

        @Override
        public Integer call() {
            Optional<MessageGroupId> id = MessageGroupId.parse(group);
            if (id.isEmpty()) {
                throw new CommandException(CommandFailures.USAGE, "not a message group uuid: " + group);
            }
            PrintWriter out = out();
            for (Message message : store.get().messages(id.get(), PageRequest.firstPage()).items()) {
                out.println(message.createdAt() + "  " + message.sender().handle() + ": " + message.text());
            }
            return 0;
        }
    }

    @Prototype
    @Command(name = "list-conversations", mixinStandardHelpOptions = true,
            description = "Pattern B: a user's conversations, newest first.")
    static class ListConversations extends Subcommand {
        private final BeanProvider<ConversationStore> store;
        private final BeanProvider<UserDirectory> users;
        @Parameters(paramLabel = "HANDLE", defaultValue = "andrewbrown", description = "whose conversations (default: ${DEFAULT-VALUE})")
        String handle;

        ListConversations(BeanProvider<ConversationStore> store, BeanProvider<UserDirectory> users) {
            this.store = store;
            this.users = users;
        }

        @Override
        public Integer call() {
            Optional<User> user = users.get().byHandle(new Handle(handle));
            if (user.isEmpty()) {
                throw new CommandException(CommandFailures.USAGE, "no user with handle " + handle);
            }
            PrintWriter out = out();
            for (GroupSummary summary : store.get().summaries(user.get().id(), PageRequest.firstPage()).items()) {
                out.println(summary.groupId() + "  " + summary.lastMessageAt() + "  with " + summary.other().handle()
                        + ": " + summary.lastMessage());
            }
            return 0;
        }
    }
}
