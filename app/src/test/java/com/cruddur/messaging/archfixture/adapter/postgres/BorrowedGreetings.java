package com.cruddur.messaging.archfixture.adapter.postgres;

import com.cruddur.messaging.archfixture.adapter.memory.InMemoryGreetings;

/** Deliberate violation: a store adapter that falls back on the in-memory stand-in. */
public class BorrowedGreetings extends InMemoryGreetings {
}
