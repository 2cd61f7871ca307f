package com.cruddur.messaging.adapter.http.api;

import com.cruddur.messaging.adapter.http.error.RateLimitedResponse;
import com.cruddur.messaging.adapter.http.json.MessageJson;
import com.cruddur.messaging.adapter.http.json.SendMessageBody;
import com.cruddur.messaging.adapter.http.json.SentMessageJson;
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
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.util.List;

@Controller("/api/messages")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MessagesController {
    private final ListMessagesUseCase listMessages;
    private final SendMessageToGroupUseCase sendMessageToGroup;
    private final SendMessageToHandleUseCase sendMessageToHandle;

    MessagesController(ListMessagesUseCase listMessages, SendMessageToGroupUseCase sendMessageToGroup,
                       SendMessageToHandleUseCase sendMessageToHandle) {
        this.listMessages = listMessages;
        this.sendMessageToGroup = sendMessageToGroup;
        this.sendMessageToHandle = sendMessageToHandle;
    }

    @Operation(summary = "The latest page of a conversation, oldest first",
            description = "Only members may read; for anyone else the group does not exist (404). Older pages follow the Link rel=next header.")
    @Get("/{message_group_uuid}")
    HttpResponse<List<MessageJson>> list(Authentication caller, @PathVariable("message_group_uuid") String groupId,
                                         @Nullable @QueryValue Integer limit, @Nullable @QueryValue String cursor) {
        PageRequest page = Pages.request(limit, cursor);
        return Pages.ok("/api/messages/" + groupId, page,
                listMessages.listMessages(ListMessagesQuery.of(Callers.of(caller), groupId, page)), MessageJson::of);
    }

    @Operation(summary = "Send a message",
            description = "With message_group_uuid: to that conversation (members only). With handle (or user_receiver_handle): "
                    + "to that user, in the pair's one conversation, created if needed. 422 carries the list of problems. "
                    + "With client_message_id a retry returns the first send's response and stores nothing; "
                    + "409 when the id was used for another send.")
    @RateLimitedResponse
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SendMessageBody.class)))
    SentMessageJson send(Authentication authentication, @Body JsonNode body) {
        SendRequest request = SendRequest.parse(body);
        CognitoUserId caller = Callers.of(authentication);
        Message sent = request.toGroup()
                ? sendMessageToGroup.sendToGroup(
                        SendMessageToGroupCommand.of(caller, request.messageGroupUuid(), request.message(),
                                request.clientMessageId()))
                : sendMessageToHandle.sendToHandle(SendMessageToHandleCommand.of(caller, request.handle(),
                        request.message(), request.clientMessageId())).message();
        return SentMessageJson.of(sent);
    }
}
