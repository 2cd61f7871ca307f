package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.Profile;
import java.util.List;

/** The users the caller blocks, the latest block first (a user since deleted is left out). */
public interface ListBlockedUsersUseCase {
    List<Profile> blockedUsers(CallerQuery query);
}
