package com.cruddur.messaging.archfixture.adapter.stream;

import com.cruddur.messaging.archfixture.domain.application.port.out.Greetings;
import com.cruddur.messaging.archfixture.domain.application.usecase.Greet;

/** Deliberate violation: a driving adapter that builds a use case instead of calling its port. */
public class GreetingConsumer {
    public void consume(Greetings greetings, String name) {
        new Greet(greetings).greet(name);
    }
}
