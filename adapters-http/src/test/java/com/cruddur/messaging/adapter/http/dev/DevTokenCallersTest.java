package com.cruddur.messaging.adapter.http.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dev tokens are minted for callers on this machine and those named; the addresses here are parsed, never contacted. */
class DevTokenCallersTest {
    private final DevTokenCallers loopbackOnly = new DevTokenCallers(List.of());

    @Test
    void loopbackCallersMayMintTokens() throws UnknownHostException {
        assertThat(loopbackOnly.mayMint(caller("127.0.0.1"))).isTrue();
        assertThat(loopbackOnly.mayMint(caller("127.8.9.10"))).isTrue();
        assertThat(loopbackOnly.mayMint(caller("::1"))).isTrue();
    }

    @Test
    void callersFromAnyOtherAddressMayNot() throws UnknownHostException {
        for (String address : new String[] {"10.0.0.7", "192.168.1.20", "172.17.0.1", "203.0.113.5", "fe80::1", "::ffff:10.0.0.7"}) {
            assertThat(loopbackOnly.mayMint(caller(address))).as(address).isFalse();
        }
        assertThat(loopbackOnly.mayMint(null)).isFalse();
        assertThat(loopbackOnly.mayMint(InetSocketAddress.createUnresolved("127.0.0.1", 4567))).isFalse();
    }

    @Test
    void theNamedAddressesMayToo() throws UnknownHostException {
        DevTokenCallers withGateway = new DevTokenCallers(List.of("172.28.0.1", "fd00:28::/64"));

        assertThat(withGateway.mayMint(caller("172.28.0.1"))).isTrue();
        assertThat(withGateway.mayMint(caller("fd00:28::9"))).isTrue();
        assertThat(withGateway.mayMint(caller("127.0.0.1"))).isTrue();
        assertThat(withGateway.mayMint(caller("172.28.0.2"))).as("another container of the network").isFalse();
        assertThat(withGateway.mayMint(caller("10.0.0.7"))).isFalse();
    }

    @Test
    void aNamedCallerThatIsNoAddressStopsTheStart() {
        assertThatThrownBy(() -> new DevTokenCallers(List.of("gateway")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cruddur.dev-tokens.callers: 'gateway' is not an IP address or CIDR range");
    }

    private static InetSocketAddress caller(String literal) throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(literal), 40000);
    }
}
