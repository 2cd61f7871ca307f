package com.cruddur.messaging.adapter.http.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Dev tokens are minted for callers on this machine only; the addresses here are parsed, never contacted. */
class DevTokenCallersTest {

    @Test
    void loopbackCallersMayMintTokens() throws UnknownHostException {
        assertThat(DevTokenController.fromThisMachine(caller("127.0.0.1"))).isTrue();
        assertThat(DevTokenController.fromThisMachine(caller("127.8.9.10"))).isTrue();
        assertThat(DevTokenController.fromThisMachine(caller("::1"))).isTrue();
    }

    @Test
    void callersFromAnyOtherAddressMayNot() throws UnknownHostException {
        for (String address : new String[] {"10.0.0.7", "192.168.1.20", "172.17.0.1", "203.0.113.5", "fe80::1", "::ffff:10.0.0.7"}) {
            assertThat(DevTokenController.fromThisMachine(caller(address))).as(address).isFalse();
        }
        assertThat(DevTokenController.fromThisMachine(null)).isFalse();
        assertThat(DevTokenController.fromThisMachine(InetSocketAddress.createUnresolved("127.0.0.1", 4567))).isFalse();
    }

    private static InetSocketAddress caller(String literal) throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(literal), 40000);
    }
}
