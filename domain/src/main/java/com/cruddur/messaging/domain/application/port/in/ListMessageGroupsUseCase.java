package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.GroupSummary;
import com.cruddur.messaging.domain.model.Page;

/** Pattern B: the caller's conversations, newest last message first. */
public interface ListMessageGroupsUseCase {
    Page<GroupSummary> listMessageGroups(ListMessageGroupsQuery query);
}
