package com.cruddur.messaging.archfixture.domain.application.port.out;

/** A result type beside the driven ports (sealed, as GroupCreation is): the domain may implement it. */
public sealed interface Stored permits Stored.Done {
    record Done() implements Stored {
    }
}
