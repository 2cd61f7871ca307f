package com.cruddur.messaging.app.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/**
 * The load generator's HTTP client for the service: the same Apache client, pooled, that the raw
 * baseline's DynamoDB calls go through, so neither side is charged for a different client's cost.
 * (The JDK's HttpClient used CPU per request comparable to a whole raw list-groups call, and on two
 * shared cores that CPU is taken from the service.)
 */
final class ServiceClient implements AutoCloseable {
    private final URI base;
    private final CloseableHttpClient http;

    ServiceClient(URI base, int connections) {
        this.base = base;
        RequestConfig timeouts = RequestConfig.custom().setConnectTimeout(5_000).setSocketTimeout(30_000).build();
        this.http = HttpClients.custom().setDefaultRequestConfig(timeouts)
                .setMaxConnTotal(connections).setMaxConnPerRoute(connections).build();
    }

    boolean get(String path, String token) throws IOException {
        return succeeds(authorized(new HttpGet(base.resolve(path)), token));
    }

    boolean post(String path, String token, String json) throws IOException {
        return succeeds(jsonPost(path, token, json));
    }

    /** The status of the answer to a JSON POST. */
    int postStatus(String path, String token, String json) throws IOException {
        try (CloseableHttpResponse response = http.execute(jsonPost(path, token, json))) {
            EntityUtils.consume(response.getEntity());
            return response.getStatusLine().getStatusCode();
        }
    }

    /** The body of a 200 answer to a JSON POST; empty for any other status. */
    Optional<String> sendJson(String path, String token, String json) throws IOException {
        try (CloseableHttpResponse response = http.execute(jsonPost(path, token, json))) {
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return ok(response) ? Optional.of(body) : Optional.empty();
        }
    }

    private boolean succeeds(HttpRequestBase request) throws IOException {
        try (CloseableHttpResponse response = http.execute(request)) {
            // Reading the body to its end returns the connection to the pool; no need to decode it.
            EntityUtils.consume(response.getEntity());
            return ok(response);
        }
    }

    private HttpPost jsonPost(String path, String token, String json) {
        HttpPost post = authorized(new HttpPost(base.resolve(path)), token);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return post;
    }

    private static boolean ok(CloseableHttpResponse response) {
        return response.getStatusLine().getStatusCode() == 200;
    }

    private static <T extends HttpRequestBase> T authorized(T request, String token) {
        request.setHeader("Authorization", "Bearer " + token);
        return request;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
