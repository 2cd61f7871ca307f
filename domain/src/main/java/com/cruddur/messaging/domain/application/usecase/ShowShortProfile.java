package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.ShortProfileQuery;
import com.cruddur.messaging.domain.application.port.in.ShowShortProfileUseCase;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.User;
import java.util.Objects;

public final class ShowShortProfile implements ShowShortProfileUseCase {
    private final Callers callers;
    private final UserDirectory directory;

    public ShowShortProfile(Callers callers, UserDirectory directory) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public Profile showShortProfile(ShortProfileQuery query) {
        // A short profile is public, as in the original; a caller who did identify must still be registered.
        query.caller().ifPresent(callers::identify);
        return directory.byHandle(query.handle())
                .map(User::profile)
                .orElseThrow(() -> NotFoundException.user(query.handle().value()));
    }
}
