package com.cruddur.messaging.app.e2e;

import com.cruddur.messaging.adapter.http.CognitoStandIn;
import com.cruddur.messaging.app.Http;
import com.cruddur.messaging.domain.model.User;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/**
 * The assembled service on the end-to-end engines, behind real HTTP, accepting real RS256 tokens of
 * a user-pool stand-in (not dev tokens): what a frontend and its users would talk to.
 */
final class Service implements AutoCloseable {
    static final CognitoStandIn POOL = new CognitoStandIn();

    private final EmbeddedServer server;

    private Service(EmbeddedServer server) {
        this.server = server;
    }

    static Service start(String store, Map<String, Object> extra) {
        Engines engines = EngineProvider.ENGINES;
        Map<String, Object> settings = new HashMap<>();
        settings.put("micronaut.server.port", -1);
        settings.put("cruddur.store", store);
        settings.put("cruddur.directory", "postgres");
        settings.put("cruddur.demo-data", true);
        settings.put("aws.region", "us-east-1");
        settings.put("aws.access-key-id", "local");
        settings.put("aws.secret-key", "local");
        settings.put("aws.services.dynamodb.endpoint-override", engines.dynamoDbEndpoint().toString());
        settings.put("cruddur.dynamodb.create-table", true);
        settings.put("cruddur.dynamodb.poll-stream", "dynamodb".equals(store));
        settings.put("cruddur.dynamodb.poll-interval", "50ms");
        settings.put("datasources.default.url", engines.jdbcUrl());
        settings.put("datasources.default.username", engines.jdbcUser());
        settings.put("datasources.default.password", engines.jdbcPassword());
        settings.put("datasources.default.dialect", "POSTGRES");
        settings.put("datasources.default.connection-timeout", 1000);
        settings.put("datasources.default.validation-timeout", 500);
        settings.put("cruddur.cognito.region", CognitoStandIn.REGION);
        settings.put("cruddur.cognito.user-pool-id", CognitoStandIn.POOL);
        settings.put("cruddur.cognito.client-id", CognitoStandIn.CLIENT_ID);
        settings.putAll(POOL.properties());
        settings.putAll(extra);
        return new Service(ApplicationContext.run(EmbeddedServer.class, settings, "test"));
    }

    Http http() {
        return new Http(server.getURI());
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    static String tokenOf(User user) {
        return POOL.accessToken(user.cognitoUserId().orElseThrow().value());
    }

    @Override
    public void close() {
        server.close();
    }
}
