package com.cruddur.messaging.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Lambda Runtime API as its documentation describes it, on 127.0.0.1: the runtime asks
 * {@code GET /2018-06-01/runtime/invocation/next} for an event and posts its answer to
 * {@code /2018-06-01/runtime/invocation/{requestId}/response} (or {@code .../error}; a failed
 * initialisation to {@code /runtime/init/error}).
 */
final class RuntimeApiStandIn implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final AtomicInteger requests = new AtomicInteger();

    RuntimeApiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PREFIX, this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The {@code host:port} for {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    void invoke(String eventJson) {
        events.add(eventJson);
    }

    /** The next thing the runtime posted: {@code response <body>}, {@code error <body>} or {@code init-error <body>}. */
    String nextAnswer() throws InterruptedException {
        String answer = answers.poll(60, TimeUnit.SECONDS);
        if (answer == null) {
            throw new AssertionError("the runtime answered nothing within 60 s");
        }
        return answer;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        try (exchange) {
            if (path.equals("invocation/next")) {
                String event = events.poll(120, TimeUnit.SECONDS);
                if (event == null) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "request-" + requests.incrementAndGet());
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 60_000));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:000000000000:function:cruddur-stream");
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                byte[] body = event.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.endsWith("/response")) {
                answers.add("response " + body);
            } else if (path.endsWith("/error")) {
                answers.add((path.startsWith("init/") ? "init-error " : "error ") + body);
            }
            exchange.sendResponseHeaders(202, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
