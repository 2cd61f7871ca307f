package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.CallerQuery;
import com.cruddur.messaging.domain.application.port.in.ListBlockedUsersUseCase;
import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.model.Profile;
import com.cruddur.messaging.domain.model.User;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class ListBlockedUsers implements ListBlockedUsersUseCase {
    private final Callers callers;
    private final UserDirectory directory;
    private final Blocks blocks;

    public ListBlockedUsers(Callers callers, UserDirectory directory, Blocks blocks) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
    }

    @Override
    public List<Profile> blockedUsers(CallerQuery query) {
        User caller = callers.identify(query.caller());
        return blocks.blockedBy(caller.id()).stream().map(directory::byId).flatMap(Optional::stream).map(User::profile).toList();
    }
}
