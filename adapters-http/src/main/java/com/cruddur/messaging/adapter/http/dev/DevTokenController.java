package com.cruddur.messaging.adapter.http.dev;

import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.User;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code POST /dev/tokens/{handle}}: a token for a seed user, in {@code dev} only, and only for the callers
 * {@link DevTokenCallers} lets mint one.
 */
@Controller("/dev/tokens")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(env = Environment.DEVELOPMENT)
@Requires(notEnv = "prod")
class DevTokenController {
    private final UserDirectory directory;
    private final DevTokens tokens;
    private final DevTokenCallers callers;

    DevTokenController(UserDirectory directory, DevTokens tokens, DevTokenCallers callers) {
        this.directory = directory;
        this.tokens = tokens;
        this.callers = callers;
    }

    @Serdeable
    record DevToken(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                    @JsonProperty("expires_in") long expiresIn, String handle) {
    }

    @Post("/{handle}")
    DevToken mint(@PathVariable String handle, HttpRequest<?> request) {
        if (!callers.mayMint(request.getRemoteAddress())) {
            // Whoever reaches the port from elsewhere must not be able to impersonate a user.
            throw NotFoundException.user(handle);
        }
        User user = directory.byHandle(new Handle(handle))
                .filter(found -> found.cognitoUserId().isPresent())
                .orElseThrow(() -> NotFoundException.user(handle));
        return new DevToken(tokens.accessTokenFor(user.cognitoUserId().orElseThrow(), user.handle().value()), "Bearer",
                DevTokens.LIFETIME.toSeconds(), user.handle().value());
    }
}
