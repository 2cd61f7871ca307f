package com.cruddur.messaging.archfixture.domain.application.port.out;

/** A driven port of the fixture's domain. */
public interface Greetings {
    void store(String greeting);
}
