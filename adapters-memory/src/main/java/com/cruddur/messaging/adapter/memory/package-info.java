/**
 * The in-memory adapters of the domain's driven ports: the unit tests' stand-ins and the {@code memory} store and
 * directory settings. They keep the same contracts as the DynamoDB and PostgreSQL adapters (the port contract
 * suites run on all three). Composed only by app; no other adapter may use them.
 */
package com.cruddur.messaging.adapter.memory;
