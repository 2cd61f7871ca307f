package com.cruddur.messaging.archfixture.domain.adapter.out.memory;

import com.cruddur.messaging.archfixture.domain.application.port.out.Greetings;
import java.util.ArrayList;
import java.util.List;

/** Deliberate violation: an adapter of a driven port inside the domain module. */
public class StrayGreetings implements Greetings {
    private final List<String> stored = new ArrayList<>();

    @Override
    public void store(String greeting) {
        stored.add(greeting);
    }
}
