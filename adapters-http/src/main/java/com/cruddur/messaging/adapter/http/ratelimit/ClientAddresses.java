package com.cruddur.messaging.adapter.http.ratelimit;

import com.cruddur.messaging.adapter.http.AddressRanges;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The address a request comes from, for limits on anonymous callers. {@code X-Forwarded-For} is believed
 * only as far as it was written by trusted proxies ({@code cruddur.trusted-proxies}: addresses
 * or CIDR ranges, e.g. the load balancer's subnet): read from the right, the first hop that is not a
 * trusted proxy is the client — what is left of it, anyone could have written.
 */
@Singleton
final class ClientAddresses {
    private final AddressRanges trusted;

    ClientAddresses(@Value("${cruddur.trusted-proxies:}") List<String> trustedProxies) {
        this.trusted = AddressRanges.parse("cruddur.trusted-proxies", trustedProxies);
    }

    String of(HttpRequest<?> request) {
        InetAddress hop = request.getRemoteAddress().getAddress();
        List<String> forwarded = forwardedFor(request);
        for (int i = forwarded.size() - 1; i >= 0 && trusted.contains(hop); i--) {
            InetAddress previous = NetUtil.createInetAddressFromIpAddressString(forwarded.get(i));
            if (previous == null) {
                break; // not an address: the trusted proxy that passed it on is as far as we can tell
            }
            hop = previous;
        }
        return hop.getHostAddress();
    }

    private static List<String> forwardedFor(HttpRequest<?> request) {
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getAll("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }
}
