package com.cruddur.messaging.adapter.postgres.users;

import com.cruddur.messaging.adapter.postgres.PostgresFailures;
import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.model.UserId;
import java.util.List;

/** Blocks in {@code blocks}, next to the users they name (their SQL is with the users', in {@link UserRows}). */
public final class PostgresBlocks implements Blocks {
    private final UserRows rows;
    private final PostgresFailures failures;

    public PostgresBlocks(UserRows rows, PostgresFailures failures) {
        this.rows = rows;
        this.failures = failures;
    }

    @Override
    public boolean block(UserId blocker, UserId blocked) {
        return failures.guard(() -> rows.insertBlock(blocker.value(), blocked.value()) > 0);
    }

    @Override
    public boolean unblock(UserId blocker, UserId blocked) {
        return failures.guard(() -> rows.deleteBlock(blocker.value(), blocked.value()) > 0);
    }

    @Override
    public List<UserId> blockedBy(UserId blocker) {
        return failures.guard(() -> rows.findBlockedBy(blocker.value()).stream().map(UserId::new).toList());
    }
}
