package com.cruddur.messaging.adapter.http;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/** Addresses and CIDR ranges from a setting (e.g. {@code 10.0.0.0/16, 172.28.0.1}), parsed once, never contacted. */
public final class AddressRanges {
    private final List<IpSubnetFilterRule> ranges;

    private AddressRanges(List<IpSubnetFilterRule> ranges) {
        this.ranges = ranges;
    }

    /** Parses the entries of {@code setting}; an entry that is neither an address nor a range stops the start. */
    public static AddressRanges parse(String setting, List<String> entries) {
        return new AddressRanges(entries.stream().map(String::trim).filter(entry -> !entry.isEmpty())
                .map(entry -> range(setting, entry)).toList());
    }

    public boolean contains(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return ranges.stream().anyMatch(range -> range.matches(socket));
    }

    private static IpSubnetFilterRule range(String setting, String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress parsed = NetUtil.createInetAddressFromIpAddressString(address);
        if (parsed == null) {
            throw new IllegalArgumentException(setting + ": '" + entry + "' is not an IP address or CIDR range");
        }
        int prefix = slash < 0 ? parsed.getAddress().length * 8 : Integer.parseInt(entry.substring(slash + 1));
        return new IpSubnetFilterRule(parsed, prefix, IpFilterRuleType.ACCEPT);
    }
}
