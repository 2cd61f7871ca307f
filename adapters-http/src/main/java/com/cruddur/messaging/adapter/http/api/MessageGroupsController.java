package com.cruddur.messaging.adapter.http.api;

import com.cruddur.messaging.adapter.http.json.MessageGroupJson;
import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsQuery;
import com.cruddur.messaging.domain.application.port.in.ListMessageGroupsUseCase;
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

    MessageGroupsController(ListMessageGroupsUseCase listMessageGroups) {
        this.listMessageGroups = listMessageGroups;
    }

    @Operation(summary = "The caller's conversations, newest last message first",
            description = "Each entry names the other member. Pages with limit (1-100, default 20) and the cursor of a Link rel=next header.")
    @Get
    HttpResponse<List<MessageGroupJson>> list(Authentication caller, @Nullable @QueryValue Integer limit,
                                              @Nullable @QueryValue String cursor) {
        PageRequest page = Pages.request(limit, cursor);
        return Pages.ok("/api/message_groups", page,
                listMessageGroups.listMessageGroups(new ListMessageGroupsQuery(Callers.of(caller), page)),
                MessageGroupJson::of);
    }
}
