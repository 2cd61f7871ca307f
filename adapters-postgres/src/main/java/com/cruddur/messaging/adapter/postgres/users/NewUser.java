package com.cruddur.messaging.adapter.postgres.users;

import com.cruddur.messaging.domain.model.User;
import java.util.Objects;

/** A user to seed, with the e-mail address {@code public.users} requires. */
public record NewUser(User user, String email) {
    public NewUser {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(email, "email");
    }
}
