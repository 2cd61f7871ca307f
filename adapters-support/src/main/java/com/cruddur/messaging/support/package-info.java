/**
 * What several adapters need and none owns, so that adapters never import each other: {@code StoreReachability}
 * (both stores and the stream consumer tell an outage's start and end with it), {@code EventWindow} (both event
 * buses' replay window and listeners), and in {@code system} the JVM's clock and random ids, the only adapters of
 * the {@code Clock} and {@code IdSource} ports. Depends on the domain alone.
 */
package com.cruddur.messaging.support;
