package com.cruddur.messaging.adapter.http.api;

import com.cruddur.messaging.adapter.http.json.MessageJson;
import com.cruddur.messaging.adapter.http.json.SentMessageJson;
import com.cruddur.messaging.domain.application.port.in.DeleteMessageCommand;
import com.cruddur.messaging.domain.application.port.in.DeleteMessageUseCase;
import com.cruddur.messaging.domain.application.port.in.EditMessageCommand;
import com.cruddur.messaging.domain.application.port.in.EditMessageUseCase;
import com.cruddur.messaging.domain.application.port.in.ListMessagesQuery;
import com.cruddur.messaging.domain.application.port.in.ListMessagesUseCase;
import com.cruddur.messaging.domain.application.port.in.SendMessageToGroupCommand;
import com.cruddur.messaging.domain.application.port.in.SendMessageToGroupUseCase;
import com.cruddur.messaging.domain.application.port.in.SendMessageToHandleCommand;
import com.cruddur.messaging.domain.application.port.in.SendMessageToHandleUseCase;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Message;
import com.cruddur.messaging.domain.model.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;

@Controller("/api/messages")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MessagesController {
    private final ListMessagesUseCase listMessages;
    private final SendMessageToGroupUseCase sendMessageToGroup;
    private final SendMessageToHandleUseCase sendMessageToHandle;
    private final EditMessageUseCase editMessage;
    private final DeleteMessageUseCase deleteMessage;

    MessagesController(ListMessagesUseCase listMessages, SendMessageToGroupUseCase sendMessageToGroup,
                       SendMessageToHandleUseCase sendMessageToHandle, EditMessageUseCase editMessage,
                       DeleteMessageUseCase deleteMessage) {
        this.listMessages = listMessages;
        this.sendMessageToGroup = sendMessageToGroup;
        this.sendMessageToHandle = sendMessageToHandle;
        this.editMessage = editMessage;
        this.deleteMessage = deleteMessage;
    }

    @Get("/{message_group_uuid}")
    HttpResponse<List<MessageJson>> list(Authentication caller, @PathVariable("message_group_uuid") String groupId,
                                         @Nullable @QueryValue Integer limit, @Nullable @QueryValue String cursor) {
        PageRequest page = Pages.request(limit, cursor);
        return Pages.ok("/api/messages/" + groupId, page,
                listMessages.listMessages(ListMessagesQuery.of(CallerIds.of(caller), groupId, page)), MessageJson::of);
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    SentMessageJson send(Authentication authentication, @Body JsonNode body) {
        SendRequest request = SendRequest.parse(body);
        CognitoUserId caller = CallerIds.of(authentication);
        Message sent = request.toGroup()
                ? sendMessageToGroup.sendToGroup(
                        SendMessageToGroupCommand.of(caller, request.messageGroupUuid(), request.message(),
                                request.clientMessageId()))
                : sendMessageToHandle.sendToHandle(SendMessageToHandleCommand.of(caller, request.handle(),
                        request.message(), request.clientMessageId())).message();
        return SentMessageJson.of(sent);
    }

    /** The sender replaces the text; the answer is the message as a send answers it. */
    @Patch("/{message_group_uuid}/{message_uuid}")
    @Consumes(MediaType.APPLICATION_JSON)
    SentMessageJson edit(Authentication caller, @PathVariable("message_group_uuid") String groupId,
                         @PathVariable("message_uuid") String messageId, @Body JsonNode body) {
        return SentMessageJson.of(editMessage.editMessage(EditMessageCommand.of(CallerIds.of(caller), groupId, messageId,
                EditRequest.parse(body).message())));
    }

    /** The sender deletes it, leaving a tombstone; deleting it again is answered the same. */
    @Delete("/{message_group_uuid}/{message_uuid}")
    @Status(HttpStatus.NO_CONTENT)
    void delete(Authentication caller, @PathVariable("message_group_uuid") String groupId,
                @PathVariable("message_uuid") String messageId) {
        deleteMessage.deleteMessage(DeleteMessageCommand.of(CallerIds.of(caller), groupId, messageId));
    }
}
