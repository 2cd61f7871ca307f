package com.cruddur.messaging.archfixture.domain.application.port.in;

/** A driving port of the fixture's domain. */
public interface GreetUseCase {
    void greet(String name);
}
