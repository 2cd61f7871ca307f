package com.cruddur.messaging.adapter.http.api;

import com.cruddur.messaging.adapter.http.error.RateLimitedResponse;
import com.cruddur.messaging.adapter.http.json.MessageGroupJson;
import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsQuery;
import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsUseCase;
import com.cruddur.messaging.domain.application.port.in.MarkGroupReadCommand;
import com.cruddur.messaging.domain.application.port.in.MarkGroupReadUseCase;
import com.cruddur.messaging.adapter.http.json.MarkReadBody;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import com.cruddur.messaging.domain.model.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;

@Controller("/api/message_groups")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MessageGroupsController {
    private final ListMessageGroupsUseCase listMessageGroups;
    private final MarkGroupReadUseCase markGroupRead;

    MessageGroupsController(ListMessageGroupsUseCase listMessageGroups, MarkGroupReadUseCase markGroupRead) {
        this.listMessageGroups = listMessageGroups;
        this.markGroupRead = markGroupRead;
    }

    @Operation(summary = "The caller's conversations, newest last message first",
            description = "Each entry names the other member and says what the caller has read: unread_count, "
                    + "last_read_at, other_last_read_at (for \"seen\"). Pages with limit (1-100, default 20) and the "
                    + "cursor of a Link rel=next header.")
    @Get
    HttpResponse<List<MessageGroupJson>> list(Authentication caller, @Nullable @QueryValue Integer limit,
                                              @Nullable @QueryValue String cursor) {
        PageRequest page = Pages.request(limit, cursor);
        return Pages.ok("/api/message_groups", page,
                listMessageGroups.listMessageGroups(new ListMessageGroupsQuery(Callers.of(caller), page)),
                MessageGroupJson::of);
    }

    @Operation(summary = "Mark a conversation read",
            description = "Moves the caller's read marker to up_to (a message of the group), or to its newest message "
                    + "without a body; a marker only moves forward. Members only (404 otherwise); an unknown up_to is "
                    + "404 [\"message_not_found\"], a malformed one 422 [\"up_to_invalid\"]. Lists show the new "
                    + "counts once the change is projected (on the DynamoDB store, moments later).")
    @RateLimitedResponse
    @Post("/{message_group_uuid}/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = MarkReadBody.class)))
    @Status(HttpStatus.NO_CONTENT)
    void markRead(Authentication caller, @PathVariable("message_group_uuid") String groupId,
                  @Nullable @Body JsonNode body) {
        markGroupRead.markGroupRead(MarkGroupReadCommand.of(Callers.of(caller), groupId, MarkReadBody.upTo(body)));
    }
}
