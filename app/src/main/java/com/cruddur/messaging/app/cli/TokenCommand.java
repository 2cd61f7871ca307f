package com.cruddur.messaging.app.cli;

import com.cruddur.messaging.adapter.http.dev.DevTokens;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.User;
import io.micronaut.context.BeanProvider;
import java.util.Optional;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** A dev access token for a seed user (dev environment only), e.g. for {@code curl -H "Authorization: Bearer $(...)"}. */
@Prototype
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a dev access token for a user (only in the dev environment).")
class TokenCommand extends Subcommand {
    private final BeanProvider<DevTokens> tokens;
    private final BeanProvider<UserDirectory> users;
    @Parameters(paramLabel = "HANDLE", defaultValue = "andrewbrown", description = "whose token (default: ${DEFAULT-VALUE})")
    String handle;

    TokenCommand(BeanProvider<DevTokens> tokens, BeanProvider<UserDirectory> users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    public Integer call() {
        if (!tokens.isPresent()) {
            throw new CommandException(CommandFailures.CONFIG, "dev tokens exist only in the dev environment");
        }
        Optional<User> user = users.get().byHandle(new Handle(handle)).filter(found -> found.cognitoUserId().isPresent());
        if (user.isEmpty()) {
            throw new CommandException(CommandFailures.USAGE, "no signed-up user with handle " + handle);
        }
        out().println(tokens.get().accessTokenFor(user.get().cognitoUserId().orElseThrow(),
                user.get().handle().value()));
        return 0;
    }
}
