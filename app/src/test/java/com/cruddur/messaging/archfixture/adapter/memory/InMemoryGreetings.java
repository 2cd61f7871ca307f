package com.cruddur.messaging.archfixture.adapter.memory;

import com.cruddur.messaging.archfixture.domain.application.port.out.Greetings;

/** The fixture's in-memory adapter. */
public class InMemoryGreetings implements Greetings {
    @Override
    public void store(String greeting) {
        // kept nowhere
    }
}
