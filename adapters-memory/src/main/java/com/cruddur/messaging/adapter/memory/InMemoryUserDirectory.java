package com.cruddur.messaging.adapter.memory;

import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.model.CognitoUserId;
import com.cruddur.messaging.domain.model.Handle;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Users in memory, with the same uniqueness as the {@code users} table: id, handle (any case), cognito id. */
public final class InMemoryUserDirectory implements UserDirectory {
    private final Map<UserId, User> byId = new ConcurrentHashMap<>();
    private final Map<String, User> byHandleKey = new ConcurrentHashMap<>();
    private final Map<CognitoUserId, User> byCognitoUserId = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException when the id, handle or cognito id is already taken */
    public synchronized void register(User user) {
        if (byId.containsKey(user.id()) || byHandleKey.containsKey(user.handle().key())
                || user.cognitoUserId().map(byCognitoUserId::containsKey).orElse(false)) {
            throw new IllegalArgumentException("already registered: " + user);
        }
        byId.put(user.id(), user);
        byHandleKey.put(user.handle().key(), user);
        user.cognitoUserId().ifPresent(id -> byCognitoUserId.put(id, user));
    }

    @Override
    public Optional<User> byId(UserId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> byHandle(Handle handle) {
        return Optional.ofNullable(byHandleKey.get(handle.key()));
    }

    @Override
    public Optional<User> byCognitoUserId(CognitoUserId cognitoUserId) {
        return Optional.ofNullable(byCognitoUserId.get(cognitoUserId));
    }

    @Override
    public synchronized boolean signOut(UserId id) {
        User user = byId.get(id);
        if (user == null) {
            return false;
        }
        replace(user, new User(id, user.handle(), user.displayName(), Optional.empty()));
        return true;
    }

    @Override
    public synchronized boolean replaceWithErased(User erased) {
        User user = byId.get(erased.id());
        if (user == null) {
            return false;
        }
        replace(user, erased);
        return true;
    }

    private void replace(User user, User with) {
        byHandleKey.remove(user.handle().key());
        user.cognitoUserId().ifPresent(byCognitoUserId::remove);
        byId.put(with.id(), with);
        byHandleKey.put(with.handle().key(), with);
        with.cognitoUserId().ifPresent(id -> byCognitoUserId.put(id, with));
    }
}
