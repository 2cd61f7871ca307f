package com.cruddur.messaging.adapter.http.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.simple.SimpleHttpRequest;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request comes from: X-Forwarded-For counts only as far as trusted proxies wrote it. */
class ClientAddressesTest {
    private final ClientAddresses behindBalancer = new ClientAddresses(List.of("10.0.0.0/16", "192.0.2.1"));

    @Test
    void withoutTrustedProxiesTheConnectionCounts() {
        ClientAddresses direct = new ClientAddresses(List.of());

        assertThat(direct.of(request("198.51.100.9", "203.0.113.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void aConnectionFromOutsideTheTrustedProxiesCannotNameAnotherAddress() {
        assertThat(behindBalancer.of(request("198.51.100.9", "203.0.113.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void theFirstHopFromTheRightThatIsNoTrustedProxyIsTheClient() {
        assertThat(behindBalancer.of(request("10.0.3.4", "203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(behindBalancer.of(request("10.0.3.4", "1.2.3.4, 203.0.113.7, 192.0.2.1"))).isEqualTo("203.0.113.7");
        assertThat(behindBalancer.of(request("10.0.3.4", "1.2.3.4", "203.0.113.7"))).as("several headers, in order")
                .isEqualTo("203.0.113.7");
        assertThat(behindBalancer.of(request("10.0.3.4", "10.0.0.2"))).as("only proxies: the farthest").isEqualTo("10.0.0.2");
        assertThat(behindBalancer.of(request("10.0.3.4", "not-an-address"))).as("unreadable: the proxy that sent it")
                .isEqualTo("10.0.3.4");
    }

    @Test
    void aTrustedProxyThatIsNoAddressStopsTheStart() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("balancer.internal")))
                .hasMessageContaining("cruddur.trusted-proxies").hasMessageContaining("balancer.internal");
    }

    private static SimpleHttpRequest<Object> request(String peer, String... forwardedFor) {
        SimpleHttpRequest<Object> request = new SimpleHttpRequest<>(HttpMethod.GET, "/api/users/@x/short", null) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return new InetSocketAddress(peer, 40000);
            }
        };
        for (String header : forwardedFor) {
            request.getHeaders().add("X-Forwarded-For", header);
        }
        return request;
    }
}
