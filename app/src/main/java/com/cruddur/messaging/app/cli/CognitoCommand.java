package com.cruddur.messaging.app.cli;

import com.cruddur.messaging.adapter.http.security.CognitoConfiguration;
import com.cruddur.messaging.adapter.postgres.users.PostgresUserDirectory;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import io.micronaut.context.BeanProvider;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.context.annotation.Value;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** {@code bin/cognito/*}: the user pool {@code cruddur.cognito.user-pool-id}. */
@Prototype
@Command(name = "cognito", mixinStandardHelpOptions = true, description = "The Cognito user pool.",
        subcommands = {CognitoCommand.ListUsers.class, CognitoCommand.UpdateCognitoUserIds.class})
class CognitoCommand {
    /** The region of application.yml's default pool, which exists nowhere. */
    private static final String UNCONFIGURED_REGION = "local";

    /** Every user of the pool that has a preferred_username: handle to sub, by handle. */
    static Map<String, String> subsByHandle(CognitoIdentityProviderClient cognito, String userPoolId) {
        Map<String, String> subs = new TreeMap<>();
        for (UserType user : cognito.listUsersPaginator(request -> request.userPoolId(userPoolId)
                .attributesToGet("preferred_username", "sub")).users()) {
            Optional<String> handle = attribute(user, "preferred_username");
            Optional<String> sub = attribute(user, "sub");
            if (handle.isPresent() && sub.isPresent()) {
                subs.put(handle.get(), sub.get());
            }
        }
        return subs;
    }

    /**
     * The dev settings name no real pool (region {@code local}); calling it would only fail on a host
     * name that does not exist. An endpoint override (a stand-in) counts as configured.
     */
    static void requireConfigured(CognitoConfiguration pool, String endpoint) {
        if (UNCONFIGURED_REGION.equals(pool.region()) && endpoint.isBlank()) {
            throw new CommandException(CommandFailures.CONFIG, "no Cognito user pool is configured here (the dev"
                    + " settings name none).\n  Set CRUDDUR_COGNITO_REGION and CRUDDUR_COGNITO_USER_POOL_ID (and AWS credentials) to name one.");
        }
    }

    private static Optional<String> attribute(UserType user, String name) {
        return user.attributes().stream().filter(attribute -> name.equals(attribute.name()))
                .map(AttributeType::value).findFirst();
    }

    @Prototype
    @Command(name = "list-users", mixinStandardHelpOptions = true, description = "Print the pool's users as {handle: sub}.")
    static class ListUsers extends Subcommand {
        private final BeanProvider<CognitoIdentityProviderClient> cognito;
        private final CognitoConfiguration pool;
        private final JsonMapper json;
        private final String endpoint;

        ListUsers(BeanProvider<CognitoIdentityProviderClient> cognito, CognitoConfiguration pool, JsonMapper json,
                  @Value("${cruddur.cognito.endpoint:}") String endpoint) {
            this.cognito = cognito;
            this.pool = pool;
            this.json = json;
            this.endpoint = endpoint;
        }

        @Override
        public Integer call() throws IOException {
            requireConfigured(pool, endpoint);
            out().println(json.writeValueAsString(subsByHandle(cognito.get(), pool.userPoolId())));
            return 0;
        }
    }

    @Prototype
    @Command(name = "update-cognito-user-ids", mixinStandardHelpOptions = true,
            description = "Set users.cognito_user_id from the pool, matching users by handle.")
    static class UpdateCognitoUserIds extends Subcommand {
        private final BeanProvider<CognitoIdentityProviderClient> cognito;
        private final BeanProvider<PostgresUserDirectory> users;
        private final CognitoConfiguration pool;
        private final String endpoint;

        UpdateCognitoUserIds(BeanProvider<CognitoIdentityProviderClient> cognito, BeanProvider<PostgresUserDirectory> users,
                             CognitoConfiguration pool, @Value("${cruddur.cognito.endpoint:}") String endpoint) {
            this.cognito = cognito;
            this.users = users;
            this.pool = pool;
            this.endpoint = endpoint;
        }

        @Override
        public Integer call() {
            requireConfigured(pool, endpoint);
            PrintWriter out = out();
            subsByHandle(cognito.get(), pool.userPoolId()).forEach((handle, sub) -> {
                boolean updated = users.get().updateCognitoUserId(new Handle(handle), new CognitoUserId(sub));
                out.println("---- " + handle + " " + sub + (updated ? " updated" : " (no such user in the database)"));
            });
            return 0;
        }
    }
}
