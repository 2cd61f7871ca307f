package com.cruddur.messaging.domain.application.port.out;

import com.cruddur.messaging.domain.model.UserId;
import java.util.List;

/**
 * Who blocks whom: kept next to the users. Blocking and unblocking again change nothing. May throw
 * {@link com.cruddur.messaging.domain.error.StoreUnavailableException}.
 */
public interface Blocks {

    /** Returns whether the block is new. */
    boolean block(UserId blocker, UserId blocked);

    /** Returns whether there was a block to lift. */
    boolean unblock(UserId blocker, UserId blocked);

    /** Whom the user blocks, the latest block first. */
    List<UserId> blockedBy(UserId blocker);
}
