package com.cruddur.messaging.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.app.DemoUsers;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every metric the alerting rules and the dashboard read is one the service exports under that name, so that renaming
 * a metric cannot silently disarm an alert or blank a panel. The service runs as production does on one node: the
 * DynamoDB store with its stream poller, PostgreSQL for users and events; it has answered a few requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertingMetricsTest {
    private Service service;
    private Set<String> exported;

    @BeforeAll
    void startAndServeAFewRequests() {
        service = Service.start("dynamodb", Map.of());
        String token = Service.tokenOf(DemoUsers.ANDREW);
        HttpResponse<String> sent = service.http().post("/api/messages", token,
                "{\"message\":\"metrics\",\"handle\":\"bayko\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        service.http().get("/api/message_groups", token);
        service.http().get("/api/message_groups/5ae290ed-55d1-47a0-bc6d-fe2bc2700399", token);
        exported = MetricNames.exported(service.http().get("/prometheus", "none").body());
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void everyMetricAnAlertReadsIsExported() throws IOException {
        assertThat(unexported(MetricNames.ofRules(MetricNames.deployed("prometheus/alerts.yml"))))
                .as("metrics the alerting rules read that the service does not export").isEmpty();
    }

    @Test
    void everyMetricTheDashboardReadsIsExported() throws IOException {
        assertThat(unexported(MetricNames.ofDashboard(MetricNames.deployed("grafana/cruddur-messaging.json"))))
                .as("metrics the dashboard reads that the service does not export").isEmpty();
    }

    @Test
    void eachStoreSaysWhetherItAnswers() {
        String metrics = service.http().get("/prometheus", "none").body();

        assertThat(metrics).contains("cruddur_store_reachable{store=\"DynamoDB\"} 1.0",
                "cruddur_store_reachable{store=\"DynamoDB Streams\"} 1.0", "cruddur_store_reachable{store=\"PostgreSQL\"} 1.0");
    }

    /** Each unexported name with the first expression that reads it. */
    private Map<String, String> unexported(List<String> expressions) {
        assertThat(expressions).as("expressions read").isNotEmpty();
        Map<String, String> missing = new TreeMap<>();
        for (String expression : expressions) {
            Set<String> names = MetricNames.in(expression);
            names.stream().filter(name -> !exported.contains(name)).forEach(name -> missing.putIfAbsent(name, expression));
        }
        return new HashMap<>(missing);
    }
}
