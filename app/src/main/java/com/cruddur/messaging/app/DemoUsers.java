package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.postgres.users.NewUser;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The seed users of the original's {@code seed.sql}, with fixed ids so that demo data and dev
 * tokens are the same on every machine. Their cognito ids are made up: they exist in no user pool.
 */
public final class DemoUsers {
    public static final User ANDREW = user("3a6d4bd5-4c8b-4f6e-9f43-0b5c7a0e6a01", "andrewbrown", "Andrew Brown",
            "5f2b1c1e-0d1a-4c59-8c5e-6f1f3b6a8a01");
    public static final User BAYKO = user("3a6d4bd5-4c8b-4f6e-9f43-0b5c7a0e6a02", "bayko", "Andrew Bayko",
            "5f2b1c1e-0d1a-4c59-8c5e-6f1f3b6a8a02");
    public static final User LONDO = user("3a6d4bd5-4c8b-4f6e-9f43-0b5c7a0e6a03", "londo", "Londo Mollari",
            "5f2b1c1e-0d1a-4c59-8c5e-6f1f3b6a8a03");
    public static final List<User> ALL = List.of(ANDREW, BAYKO, LONDO);
    /** For {@code public.users}, which requires an e-mail address. */
    public static final List<NewUser> SEED = List.of(
            new NewUser(ANDREW, "andrew@exampro.co"),
            new NewUser(BAYKO, "bayko@exampro.co"),
            new NewUser(LONDO, "lmollari@centari.com"));

    private DemoUsers() {
    }

    private static User user(String uuid, String handle, String displayName, String cognitoUserId) {
        return new User(UserId.of(uuid), new Handle(handle), displayName,
                Optional.of(new CognitoUserId(cognitoUserId)));
    }
}
