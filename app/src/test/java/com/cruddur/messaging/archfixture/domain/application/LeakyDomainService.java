package com.cruddur.messaging.archfixture.domain.application;

import com.cruddur.messaging.archfixture.adapter.dynamodb.MessagesTable;
import io.micronaut.context.annotation.Context;

/** Deliberate violation: a domain class with a framework annotation that reaches into an adapter. */
@Context
public class LeakyDomainService {
    public int rows(MessagesTable table) {
        return table.size();
    }
}
