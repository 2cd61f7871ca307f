package com.cruddur.messaging.adapter.http.management;

import com.cruddur.messaging.domain.application.port.in.UserDataSink;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.UserData;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * An export as JSON Lines, one object per record, each with its {@code type} (the format is in docs/user-data.md):
 * {@code account}, then per conversation a {@code conversation} and the {@code message}s the user sent in it, then
 * each {@code block}, last the {@code totals}. Written as they come; nothing is kept.
 */
public final class UserDataLines implements UserDataSink {
    private final JsonMapper json;
    private final Writer out;
    private final Progress progress;

    /** How far an export is, after each conversation (a progress bar on a terminal; nothing over HTTP). */
    @FunctionalInterface
    public interface Progress {
        Progress UNTOLD = (done, of, messages) -> {
        };

        void conversationsDone(int done, int of, long messagesWritten);
    }

    public UserDataLines(JsonMapper json, Writer out, Progress progress) {
        this.json = json;
        this.out = out;
        this.progress = progress;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AccountLine(String type, String uuid, String handle, @JsonProperty("display_name") String displayName,
                       @JsonProperty("cognito_user_id") @Nullable String cognitoUserId) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ProfileJson(String uuid, String handle, @JsonProperty("display_name") String displayName) {
        static ProfileJson of(Profile profile) {
            return new ProfileJson(profile.id().toString(), profile.handle().value(), profile.displayName());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ConversationLine(String type, @JsonProperty("message_group_uuid") String messageGroupUuid, ProfileJson with,
                            @JsonProperty("last_read_at") @Nullable String lastReadAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MessageLine(String type, @JsonProperty("message_group_uuid") String messageGroupUuid, String uuid,
                       String message, @JsonProperty("created_at") String createdAt,
                       @JsonProperty("edited_at") @Nullable String editedAt,
                       @JsonProperty("deleted_at") @Nullable String deletedAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BlockLine(String type, String uuid, String handle, @JsonProperty("display_name") String displayName) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TotalsLine(String type, int conversations, long messages, int blocks) {
    }

    @Override
    public void write(UserData record) {
        try {
            out.write(json.writeValueAsString(lineOf(record)));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export", e);
        }
    }

    private static Object lineOf(UserData record) {
        if (record instanceof UserData.Account account) {
            return new AccountLine("account", account.user().id().toString(), account.user().handle().value(),
                    account.user().displayName(), account.user().cognitoUserId().map(Object::toString).orElse(null));
        }
        if (record instanceof UserData.Conversation conversation) {
            return new ConversationLine("conversation", conversation.group().toString(),
                    ProfileJson.of(conversation.with()), conversation.lastReadAt().map(Timestamp::format).orElse(null));
        }
        if (record instanceof UserData.SentMessage sent) {
            return messageLine(sent.message());
        }
        if (record instanceof UserData.Block block) {
            return new BlockLine("block", block.blocked().id().toString(), block.blocked().handle().value(),
                    block.blocked().displayName());
        }
        UserData.Totals totals = (UserData.Totals) record; // the family is sealed: the last of its kinds
        return new TotalsLine("totals", totals.conversations(), totals.messages(), totals.blocks());
    }

    @Override
    public void progress(int conversationsDone, int conversations, long messagesWritten) {
        progress.conversationsDone(conversationsDone, conversations, messagesWritten);
    }

    private static MessageLine messageLine(Message message) {
        return new MessageLine("message", message.groupId().toString(), message.id().toString(), message.text(),
                message.createdAt().format(), message.editedAt().map(Timestamp::format).orElse(null),
                message.deletedAt().map(Timestamp::format).orElse(null));
    }
}
