package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.testsupport.Http;
import com.returnsgateway.testsupport.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Grafana dashboard in config/grafana is built on meters the gateway really serves: every metric its queries name
 * is in {@code /actuator/prometheus} once a case has run.
 */
class GrafanaDashboardTest extends SandboxGatewayTest {

    private static final Path DASHBOARD = Path.of("config/grafana/returns-gateway.json");
    /** A name in a PromQL expression: a metric, unless it is a function, a keyword or a label. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase",
            "histogram_quantile", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or",
            "unless", "offset", "label_values", "clamp_min", "clamp_max", "abs", "topk", "bottomk", "time");

    @Test
    void everyMetricTheDashboardQueriesIsServedByTheGateway() throws Exception {
        JsonNode dashboard = Http.JSON.readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.get("schemaVersion").asInt()).isBetween(36, 41);
        JsonNode datasource = variable(dashboard, "datasource");
        assertThat(datasource.get("type").asString()).isEqualTo("datasource");
        assertThat(datasource.get("query").asString()).isEqualTo("prometheus");

        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            if ("row".equals(panel.get("type").asString())) {
                continue;
            }
            assertThat(panel.get("datasource").get("uid").asString()).as(panel.get("title").asString())
                    .isEqualTo("${datasource}");
            assertThat(panel.get("targets")).as(panel.get("title").asString()).isNotEmpty();
            panel.get("targets").forEach(target -> expressions.add(target.get("expr").asString()));
        }
        for (JsonNode variable : dashboard.get("templating").get("list")) {
            if (variable.has("definition")) {
                expressions.add(variable.get("definition").asString());
            }
        }
        Set<String> used = new TreeSet<>();
        expressions.forEach(expression -> used.addAll(metricNames(expression)));
        assertThat(used).as("the meters the issue asks the dashboard for").contains("gateway_cases",
                "gateway_case_step_seconds_bucket", "gateway_intercepts_total", "gateway_refunds_total",
                "gateway_emails_total", "gateway_webhook_deliveries_total", "gateway_webhook_pending",
                "gateway_quarantine_size", "gateway_remote_circuit_state");

        Set<String> served = scrapeAfterACase().names();
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(served);
        assertThat(missing).as("queried by the dashboard, not served by the gateway").isEmpty();
    }

    /** The metric names of one expression: its label matchers, groupings, ranges and strings taken out first. */
    static Set<String> metricNames(String expression) {
        String bare = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\$\\{?[a-zA-Z_]+}?", "");
        if (bare.startsWith("label_values(")) {
            bare = bare.replaceAll(",\\s*[a-zA-Z_]+\\s*\\)", ")");
        }
        Set<String> names = new TreeSet<>();
        Matcher name = NAME.matcher(bare);
        while (name.find()) {
            if (!PROMQL.contains(name.group()) && !name.group().matches("\\d.*")) {
                names.add(name.group());
            }
        }
        return names;
    }

    @Test
    void namesAreReadFromQueriesAsPrometheusWould() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le, step) (rate(gateway_case_step_seconds_bucket"
                + "{job=~\"$job\"}[$__rate_interval])))")).containsOnly("gateway_case_step_seconds_bucket");
        assertThat(metricNames("label_values(gateway_cases, job)")).containsOnly("gateway_cases");
        assertThat(metricNames("sum by (forwarder) (increase(gateway_intercepts_total{outcome=\"accepted\"}[1h])) / "
                + "sum by (forwarder) (increase(gateway_intercepts_total[1h]))")).containsOnly("gateway_intercepts_total");
    }

    private Scrape scrapeAfterACase() {
        String waybill = waybill("4PX");
        parcel("4px", waybill, "P", true);
        ObjectNode request = returnObject("sandbox-eu", "EUR", "24.00", Map.of("forwarder", "4px", "waybill", waybill));
        api.post("/api/returns", request);
        caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));
        Http.Reply reply = sandbox.as("metrics", "metrics-sandbox").get("/actuator/prometheus");
        assertThat(reply.status()).isEqualTo(200);
        return Scrape.parse(reply.text());
    }

    private static JsonNode variable(JsonNode dashboard, String name) {
        for (JsonNode variable : dashboard.get("templating").get("list")) {
            if (name.equals(variable.get("name").asString())) {
                return variable;
            }
        }
        throw new AssertionError("no dashboard variable " + name);
    }
}
