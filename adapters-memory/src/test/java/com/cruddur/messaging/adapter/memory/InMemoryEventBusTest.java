package com.cruddur.messaging.adapter.memory;

import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.contract.EventBusContract;

class InMemoryEventBusTest extends EventBusContract {
    private final InMemoryEventBus bus = new InMemoryEventBus(100);

    @Override
    protected EventBus bus() {
        return bus;
    }
}
