package com.cruddur.messaging.adapter.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Flow;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every request and response the HTTP tests make, checked against the API document the service serves
 * ({@code META-INF/swagger/cruddur-messaging-1.0.yml}), so that an undocumented status, field or header fails
 * the test that met it. A request answered 2xx must be a documented request; a request answered 4xx or 5xx
 * may be anything (it is bad input or a fault on purpose), but its answer must be documented for the
 * operation. Paths outside the API ({@code /dev}, {@code /swagger}, management) are not checked here; an
 * {@code /api} path the document lacks must never succeed.
 */
public final class ApiContract {
    public static final String DOCUMENT = "META-INF/swagger/cruddur-messaging-1.0.yml";

    /** Headers every answer may carry (the document says so once, in its description). */
    private static final Set<String> COMMON_HEADERS = Set.of("content-type", "content-length", "transfer-encoding", "date",
            "connection", "cache-control", "x-content-type-options", "vary", "keep-alive");
    private static final String TEXT = text();
    private static final OpenAPI DOCUMENT_MODEL = parse(TEXT);
    /** Built on the same parsed document, so that it is read once. */
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator.createFor(DOCUMENT_MODEL).build();

    private ApiContract() {
    }

    /** The document's text, as the service serves it. */
    public static String text() {
        try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenAPI parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(text, null, options).getOpenAPI();
    }

    public static OpenAPI document() {
        return DOCUMENT_MODEL;
    }

    /** Checks an exchange made with the JDK's client; returns the response for chaining. */
    public static HttpResponse<String> check(HttpRequest request, HttpResponse<String> response) {
        check(request.method(), request.uri(), request.headers().map(), bodyOf(request), response.statusCode(),
                response.headers().map(), response.body());
        return response;
    }

    /** Checks one exchange; fails with every way it departs from the document. */
    public static void check(String method, URI uri, Map<String, List<String>> requestHeaders, String requestBody, int status,
                             Map<String, List<String>> responseHeaders, String responseBody) {
        String path = uri.getRawPath();
        // CORS preflights are the browser's and answered by the CORS filter for every route; not API operations.
        if (!path.startsWith("/api/") && !path.equals("/health") || method.equals("OPTIONS")) {
            return;
        }
        // HEAD is the GET without its body (HTTP; Micronaut answers it for every GET), so it is checked as that GET.
        boolean head = method.equals("HEAD");
        if (head) {
            method = "GET";
        }
        Request request = request(method, uri, requestHeaders, requestBody);
        ValidationReport report = VALIDATOR.validate(request, response(status, responseHeaders, responseBody));
        List<String> problems = new ArrayList<>();
        boolean documented = report.getMessages().stream().noneMatch(message -> message.getKey().equals("validation.request.path.missing")
                || message.getKey().equals("validation.request.operation.notAllowed"));
        boolean stream = responseHeaders.entrySet().stream().anyMatch(header -> header.getKey().equalsIgnoreCase("content-type")
                && header.getValue().stream().anyMatch(value -> value.startsWith("text/event-stream")));
        for (ValidationReport.Message message : report.getMessages()) {
            boolean aboutTheRequest = message.getKey().startsWith("validation.request.");
            // An open event stream's body never ends, so a test checks its head only; a HEAD has no body.
            boolean streamBody = (stream || head) && message.getKey().equals("validation.response.body.missing");
            // A body sent with a GET has no meaning in HTTP; the service ignores it, as it may.
            boolean getBody = method.equals("GET") && message.getKey().equals("validation.request.body.unexpected");
            if (message.getLevel() == ValidationReport.Level.ERROR && (status < 400 || !aboutTheRequest) && !streamBody
                    && !getBody) {
                problems.add(message.getKey() + ": " + message.getMessage());
            }
        }
        if (documented) {
            problems.addAll(undocumentedHeaders(method, path, status, responseHeaders));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("the API document does not describe " + method + " " + uri + " -> " + status + " "
                    + responseBody + ":\n  " + String.join("\n  ", problems));
        }
    }

    private static List<String> undocumentedHeaders(String method, String path, int status, Map<String, List<String>> headers) {
        Optional<ApiResponse> documented = operation(method, path).map(operation -> operation.getResponses().get(String.valueOf(status)));
        Set<String> allowed = documented.map(ApiResponse::getHeaders).map(Map::keySet).orElse(Set.of()).stream()
                .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return headers.keySet().stream().map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> !name.startsWith("access-control-") && !name.startsWith(":"))
                .filter(name -> !COMMON_HEADERS.contains(name) && !allowed.contains(name))
                .map(name -> "header " + name + " is not documented for " + status)
                .toList();
    }

    /** The documented operation a method and concrete path belong to. */
    public static Optional<Operation> operation(String method, String path) {
        for (Map.Entry<String, PathItem> entry : DOCUMENT_MODEL.getPaths().entrySet()) {
            if (Pattern.matches(entry.getKey().replaceAll("\\{[^}]+}", "[^/]+"), path)) {
                return Optional.ofNullable(entry.getValue().readOperationsMap()
                        .get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT))));
            }
        }
        return Optional.empty();
    }

    private static Request request(String method, URI uri, Map<String, List<String>> headers, String body) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, uri.getRawPath());
        headers.forEach((name, values) -> builder.withHeader(name, values));
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                // An empty value is what the document allows (allowEmptyValue) and the service reads as absent;
                // the validator would report it as a missing required parameter, so it is passed as absent.
                if (!value.isEmpty()) {
                    builder.withQueryParam(name, value);
                }
            }
        }
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static SimpleResponse response(int status, Map<String, List<String>> headers, String body) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> {
            if (!name.startsWith(":")) {
                builder.withHeader(name, values);
            }
        });
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** What a JDK request's body publisher sends (the tests' bodies are strings, which can be read again). */
    private static String bodyOf(HttpRequest request) {
        return request.bodyPublisher().map(publisher -> {
            List<ByteBuffer> buffers = new ArrayList<>();
            publisher.subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    buffers.add(item);
                }

                @Override
                public void onError(Throwable throwable) {
                    throw new IllegalStateException(throwable);
                }

                @Override
                public void onComplete() {
                }
            });
            StringBuilder text = new StringBuilder();
            buffers.forEach(buffer -> text.append(StandardCharsets.UTF_8.decode(buffer)));
            return text.toString();
        }).orElse("");
    }
}
