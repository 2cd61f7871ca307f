package com.cruddur.messaging.adapter.http.api;

import com.cruddur.messaging.adapter.http.json.ShortProfileJson;
import com.cruddur.messaging.domain.application.port.in.BlockUserCommand;
import com.cruddur.messaging.domain.application.port.in.BlockUserUseCase;
import com.cruddur.messaging.domain.application.port.in.ShortProfileQuery;
import com.cruddur.messaging.domain.application.port.in.ShowShortProfileUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

@Controller("/api/users")
@ExecuteOn(TaskExecutors.BLOCKING)
class UsersController {
    private final ShowShortProfileUseCase showShortProfile;
    private final BlockUserUseCase blockUser;

    UsersController(ShowShortProfileUseCase showShortProfile, BlockUserUseCase blockUser) {
        this.showShortProfile = showShortProfile;
        this.blockUser = blockUser;
    }

    /** 204 whether or not the block is new. */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/@{handle}/block")
    @Status(HttpStatus.NO_CONTENT)
    void block(Authentication caller, @PathVariable String handle) {
        blockUser.block(BlockUserCommand.of(CallerIds.of(caller), handle));
    }

    /** 204 whether or not there was a block. */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Delete("/@{handle}/block")
    @Status(HttpStatus.NO_CONTENT)
    void unblock(Authentication caller, @PathVariable String handle) {
        blockUser.unblock(BlockUserCommand.of(CallerIds.of(caller), handle));
    }

    /** Anonymous, as in the original: its new-conversation page asks for the profile without a token. */
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/@{handle}/short")
    ShortProfileJson shortProfile(@Nullable Authentication caller,
                                  @Nullable @Header(HttpHeaders.AUTHORIZATION) String credentials,
                                  @PathVariable String handle) {
        return ShortProfileJson.of(showShortProfile.showShortProfile(
                ShortProfileQuery.of(CallerIds.ofOptional(caller, credentials), handle)));
    }
}
