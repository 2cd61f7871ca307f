package com.cruddur.messaging.adapter.memory;

import com.cruddur.messaging.domain.application.port.out.EventTickets;
import com.cruddur.messaging.domain.contract.EventTicketsContract;

/** The memory store's deployment is one process: both "instances" are the same tickets. */
class InMemoryEventTicketsTest extends EventTicketsContract {
    private static final InMemoryEventTickets TICKETS = new InMemoryEventTickets();

    @Override
    protected EventTickets tickets() {
        return TICKETS;
    }
}
