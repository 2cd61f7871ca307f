package com.cruddur.messaging.adapter.http.api;

import com.cruddur.messaging.adapter.http.json.MessageGroupDetailsJson;
import com.cruddur.messaging.adapter.http.json.MessageGroupJson;
import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsQuery;
import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsUseCase;
import com.cruddur.messaging.domain.application.port.in.MarkGroupReadCommand;
import com.cruddur.messaging.domain.application.port.in.MarkGroupReadUseCase;
import com.cruddur.messaging.domain.application.port.in.ShowMessageGroupQuery;
import com.cruddur.messaging.domain.application.port.in.ShowMessageGroupUseCase;
import com.cruddur.messaging.domain.application.port.in.SignalTypingCommand;
import com.cruddur.messaging.domain.application.port.in.SignalTypingUseCase;
import com.cruddur.messaging.adapter.http.json.MarkReadBody;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
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
import java.util.List;

@Controller("/api/message_groups")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MessageGroupsController {
    private final ListMessageGroupsUseCase listMessageGroups;
    private final MarkGroupReadUseCase markGroupRead;
    private final SignalTypingUseCase signalTyping;
    private final ShowMessageGroupUseCase showMessageGroup;

    MessageGroupsController(ListMessageGroupsUseCase listMessageGroups, MarkGroupReadUseCase markGroupRead,
                            SignalTypingUseCase signalTyping, ShowMessageGroupUseCase showMessageGroup) {
        this.listMessageGroups = listMessageGroups;
        this.markGroupRead = markGroupRead;
        this.signalTyping = signalTyping;
        this.showMessageGroup = showMessageGroup;
    }

    @Get
    HttpResponse<List<MessageGroupJson>> list(Authentication caller, @Nullable @QueryValue Integer limit,
                                              @Nullable @QueryValue String cursor) {
        PageRequest page = Pages.request(limit, cursor);
        return Pages.ok("/api/message_groups", page,
                listMessageGroups.listMessageGroups(new ListMessageGroupsQuery(CallerIds.of(caller), page)),
                MessageGroupJson::of);
    }

    @Get("/{message_group_uuid}")
    MessageGroupDetailsJson show(Authentication caller, @PathVariable("message_group_uuid") String groupId) {
        return MessageGroupDetailsJson.of(showMessageGroup.showMessageGroup(
                ShowMessageGroupQuery.of(CallerIds.of(caller), groupId)));
    }

    @Post("/{message_group_uuid}/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Status(HttpStatus.NO_CONTENT)
    void markRead(Authentication caller, @PathVariable("message_group_uuid") String groupId,
                  @Nullable @Body JsonNode body) {
        markGroupRead.markGroupRead(MarkGroupReadCommand.of(CallerIds.of(caller), groupId, MarkReadBody.upTo(body)));
    }

    @Post("/{message_group_uuid}/typing")
    @Status(HttpStatus.NO_CONTENT)
    void typing(Authentication caller, @PathVariable("message_group_uuid") String groupId) {
        signalTyping.signalTyping(SignalTypingCommand.of(CallerIds.of(caller), groupId));
    }
}
