package com.cruddur.messaging.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reading of metric names that {@code AlertingMetricsTest} relies on. */
class MetricNamesTest {

    @Test
    void anExpressionsMetricsAreWhatRemainsOnceLabelsFunctionsAndRangesAreOut() {
        assertThat(MetricNames.in("sum by (instance) (rate(http_server_requests_seconds_count{status=~\"5..\","
                + " status!=\"503\"}[5m])) / on (instance) group_left max(cruddur_events_queue_capacity) > 0.01"))
                .containsExactly("cruddur_events_queue_capacity", "http_server_requests_seconds_count");
        assertThat(MetricNames.in("changes(process_start_time_seconds[30m]) >= 3")).containsExactly("process_start_time_seconds");
        assertThat(MetricNames.in("sum(rate(dynamodb_consumed_capacity_units_total{kind=\"write\"}[15m]))"
                + " > 0.8 * scalar(cruddur:dynamodb_write_budget_units_per_second) or vector(100)"))
                .containsExactly("dynamodb_consumed_capacity_units_total");
    }

    @Test
    void theExportedNamesAreTheSamplesNotTheComments() {
        String exposition = """
                # HELP cruddur_store_reachable 1 while the store answers
                # TYPE cruddur_store_reachable gauge
                cruddur_store_reachable{store="DynamoDB"} 1.0
                process_start_time_seconds 1.7E9
                """;

        assertThat(MetricNames.exported(exposition)).containsExactly("cruddur_store_reachable", "process_start_time_seconds");
    }
}
