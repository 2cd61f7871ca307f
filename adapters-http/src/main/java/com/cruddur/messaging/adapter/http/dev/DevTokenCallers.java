package com.cruddur.messaging.adapter.http.dev;

import com.cruddur.messaging.adapter.http.AddressRanges;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Who may mint dev tokens: callers on this machine (a loopback address), even when the server listens on
 * other addresses, and the addresses of {@code cruddur.dev-tokens.callers} — for the service in a container,
 * whose host's requests arrive from the container network's gateway (compose.yaml names it).
 */
@Singleton
final class DevTokenCallers {
    static final String SETTING = "cruddur.dev-tokens.callers";

    private final AddressRanges also;

    DevTokenCallers(@Value("${" + SETTING + ":}") List<String> also) {
        this.also = AddressRanges.parse(SETTING, also);
    }

    boolean mayMint(InetSocketAddress caller) {
        return caller != null && caller.getAddress() != null
                && (caller.getAddress().isLoopbackAddress() || also.contains(caller.getAddress()));
    }
}
