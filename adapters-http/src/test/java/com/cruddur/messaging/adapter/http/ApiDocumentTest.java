package com.cruddur.messaging.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.oas.models.PathItem;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The API document (META-INF/swagger/cruddur-messaging-1.0.yml) is what the service serves, names every
 * route of the API and nothing else, and gives each operation a stable id named for what it does. With
 * {@link ApiContract} checking every exchange of the tests against it, a route cannot land undocumented.
 */
@MicronautTest
class ApiDocumentTest extends HttpTest {
    @Inject
    Router router;

    @Test
    void theServiceServesTheDocumentItsTestsCheckAndSwaggerUiOverIt() {
        HttpResponse<String> document = api().get("/swagger/cruddur-messaging-1.0.yml", null);
        HttpResponse<String> ui = api().get("/swagger-ui/index.html", null);
        HttpResponse<String> uiScript = api().get("/swagger-ui/assets/swagger-ui-bundle.js", null);

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).isEqualTo(ApiContract.text());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("SwaggerUIBundle").contains("../swagger/cruddur-messaging-1.0.yml");
        assertThat(uiScript.statusCode()).isEqualTo(200);
    }

    @Test
    void everyRouteOfTheApiIsDocumentedAndEveryDocumentedOperationIsARoute() {
        Set<String> routes = router.uriRoutes()
                // Micronaut answers HEAD for every GET by itself; the document lists the GETs.
                .filter(route -> !route.getHttpMethodName().equals("HEAD"))
                .map(route -> route.getHttpMethodName() + " " + template(route))
                .filter(route -> route.contains(" /api/") || route.equals("GET /health"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        ApiContract.document().getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name() + " " + path)));

        assertThat(routes).isNotEmpty().isEqualTo(documented);
    }

    @Test
    void operationsHaveStableIdsNamedForWhatTheyDo() {
        Map<String, String> ids = new java.util.TreeMap<>();
        ApiContract.document().getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((PathItem.HttpMethod method, io.swagger.v3.oas.models.Operation operation) ->
                        ids.put(method.name().toLowerCase(Locale.ROOT) + " " + path, operation.getOperationId())));

        assertThat(ids).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("get /api/message_groups", "listMessageGroups"),
                Map.entry("get /api/message_groups/{message_group_uuid}", "showMessageGroup"),
                Map.entry("get /api/messages/{message_group_uuid}", "listMessages"),
                Map.entry("post /api/messages", "sendMessage"),
                Map.entry("post /api/message_groups/{message_group_uuid}/read", "markGroupRead"),
                Map.entry("post /api/message_groups/{message_group_uuid}/typing", "signalTyping"),
                Map.entry("patch /api/messages/{message_group_uuid}/{message_uuid}", "editMessage"),
                Map.entry("delete /api/messages/{message_group_uuid}/{message_uuid}", "deleteMessage"),
                Map.entry("get /api/users/@{handle}/short", "getShortProfile"),
                Map.entry("post /api/users/@{handle}/block", "blockUser"),
                Map.entry("delete /api/users/@{handle}/block", "unblockUser"),
                Map.entry("get /api/blocks", "listBlockedUsers"),
                Map.entry("get /api/events", "followEvents"),
                Map.entry("post /api/events/ticket", "issueEventTicket"),
                Map.entry("get /health", "getHealth")));
    }

    private static String template(UriRouteInfo<?, ?> route) {
        return route.getUriMatchTemplate().toPathString();
    }
}
