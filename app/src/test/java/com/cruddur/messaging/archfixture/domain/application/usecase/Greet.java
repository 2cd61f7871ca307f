package com.cruddur.messaging.archfixture.domain.application.usecase;

import com.cruddur.messaging.archfixture.domain.application.port.in.GreetUseCase;
import com.cruddur.messaging.archfixture.domain.application.port.out.Greetings;

/** A use case of the fixture's domain. */
public class Greet implements GreetUseCase {
    private final Greetings greetings;

    public Greet(Greetings greetings) {
        this.greetings = greetings;
    }

    @Override
    public void greet(String name) {
        greetings.store("hello " + name);
    }
}
