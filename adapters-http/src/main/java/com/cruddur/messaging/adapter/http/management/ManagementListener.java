package com.cruddur.messaging.adapter.http.management;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration.NettyListenerConfiguration;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * With a management port ({@code endpoints.all.port}, production's {@code CRUDDUR_MANAGEMENT_PORT}), the
 * server listens twice: the public port as configured, serving the API, and the management port on its
 * own address ({@code cruddur.management.host}, loopback unless opened), serving only the management
 * endpoints. Micronaut would bind its management listener to the public address; a private port must
 * not follow the public one onto the network.
 */
@Singleton
@Requires(property = "endpoints.all.port")
final class ManagementListener implements BeanCreatedEventListener<NettyHttpServerConfiguration> {
    private final int port;
    private final String host;

    ManagementListener(@Value("${endpoints.all.port}") int port,
                       @Value("${cruddur.management.host:127.0.0.1}") String host) {
        this.port = port;
        this.host = host;
    }

    @Override
    public NettyHttpServerConfiguration onCreated(BeanCreatedEvent<NettyHttpServerConfiguration> event) {
        NettyHttpServerConfiguration server = event.getBean();
        NettyListenerConfiguration api = NettyListenerConfiguration.createTcp(
                server.getHost().orElse(null), server.getPort().orElse(-1), false, null, null);
        NettyListenerConfiguration management = NettyListenerConfiguration.createTcp(host, port, false, null, null);
        // The management endpoints' routes are bound to this port; the API's are not served here.
        management.setExposeDefaultRoutes(false);
        server.setListeners(List.of(api, management));
        return server;
    }
}
