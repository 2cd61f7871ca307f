package com.cruddur.messaging.adapter.http.api;

import com.cruddur.messaging.adapter.http.json.ShortProfileJson;
import com.cruddur.messaging.domain.application.port.in.ShortProfileQuery;
import com.cruddur.messaging.domain.application.port.in.ShowShortProfileUseCase;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;

@Controller("/api/users")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class UsersController {
    private final ShowShortProfileUseCase showShortProfile;

    UsersController(ShowShortProfileUseCase showShortProfile) {
        this.showShortProfile = showShortProfile;
    }

    @Operation(summary = "A user's short profile by handle (case-insensitive); 404 for an unknown handle")
    @Get("/@{handle}/short")
    ShortProfileJson shortProfile(Authentication caller, @PathVariable String handle) {
        return ShortProfileJson.of(showShortProfile.showShortProfile(ShortProfileQuery.of(Callers.of(caller), handle)));
    }
}
