package com.cruddur.messaging.adapter.http.api;

import com.cruddur.messaging.adapter.http.json.ShortProfileJson;
import com.cruddur.messaging.domain.application.port.in.CallerQuery;
import com.cruddur.messaging.domain.application.port.in.ListBlockedUsersUseCase;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;

/** The users the caller blocks, as short profiles, the latest block first (blocking itself: {@link UsersController}). */
@Controller("/api/blocks")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class BlocksController {
    private final ListBlockedUsersUseCase listBlockedUsers;

    BlocksController(ListBlockedUsersUseCase listBlockedUsers) {
        this.listBlockedUsers = listBlockedUsers;
    }

    @Get
    List<ShortProfileJson> blocks(Authentication caller) {
        return listBlockedUsers.blockedUsers(new CallerQuery(CallerIds.of(caller))).stream().map(ShortProfileJson::of).toList();
    }
}
