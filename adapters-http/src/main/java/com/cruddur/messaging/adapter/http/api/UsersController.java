package com.cruddur.messaging.adapter.http.api;

import com.cruddur.messaging.adapter.http.error.RateLimitedResponse;
import com.cruddur.messaging.adapter.http.json.ShortProfileJson;
import com.cruddur.messaging.domain.application.port.in.ShortProfileQuery;
import com.cruddur.messaging.domain.application.port.in.ShowShortProfileUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

@Controller("/api/users")
@ExecuteOn(TaskExecutors.BLOCKING)
class UsersController {
    private final ShowShortProfileUseCase showShortProfile;

    UsersController(ShowShortProfileUseCase showShortProfile) {
        this.showShortProfile = showShortProfile;
    }

    /** Anonymous, as in the original: its new-conversation page asks for the profile without a token. */
    @Operation(summary = "A user's public short profile by handle (case-insensitive); 404 for an unknown handle",
            description = "Anonymous callers are answered, as the original backend did. A token, when sent, is still"
                    + " checked: an invalid one is 401, a valid one of an unregistered user 403.",
            security = {@SecurityRequirement(name = ""), @SecurityRequirement(name = "cognito")})
    @Secured(SecurityRule.IS_ANONYMOUS)
    @RateLimitedResponse
    @Get("/@{handle}/short")
    ShortProfileJson shortProfile(@Nullable Authentication caller,
                                  @Nullable @Header(HttpHeaders.AUTHORIZATION) String credentials,
                                  @PathVariable String handle) {
        return ShortProfileJson.of(showShortProfile.showShortProfile(
                ShortProfileQuery.of(Callers.ofOptional(caller, credentials), handle)));
    }
}
