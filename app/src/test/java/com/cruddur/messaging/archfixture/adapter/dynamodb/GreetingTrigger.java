package com.cruddur.messaging.archfixture.adapter.dynamodb;

import com.cruddur.messaging.archfixture.domain.application.port.in.GreetUseCase;

/** Deliberate violation: a driven adapter (a store) that calls back into a driving port. */
public class GreetingTrigger {
    public void written(GreetUseCase greet) {
        greet.greet("store");
    }
}
