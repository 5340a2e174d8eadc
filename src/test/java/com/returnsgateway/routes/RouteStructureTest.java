package com.returnsgateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.config.PollersStopFirst;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the routes show must be all there is: every route has an error policy named in its YAML, every route that
 * brings in work is in the group stopped first on shutdown, and every route, template and configuration that a route
 * or a bean refers to by id exists.
 */
class RouteStructureTest {

    /** Routes without a route configuration, each for a reason written in its YAML. */
    private static final Set<String> OWN_ERROR_POLICY = Set.of(
            "sftp-forwarder-files"); // the file consumer leaves a file it could not apply in place for the next poll

    private static final Pattern DIRECT_IN_JAVA = Pattern.compile("\"(direct:[a-z0-9-]+)\"");
    private static final Pattern TEMPLATE_IN_JAVA = Pattern.compile("TemplatedRouteBuilder\\.builder\\([^,]+, \"([a-z0-9-]+)\"");

    @Test
    void everyRouteHasAnIdAndAnErrorPolicyInItsYaml() {
        List<Map<String, Object>> routes = RouteFiles.routes();
        assertThat(routes).hasSizeGreaterThan(20).allSatisfy(route -> assertThat(route.get("id")).isNotNull());
        Set<String> configurations = new TreeSet<>();
        RouteFiles.elements().stream().filter(e -> e.containsKey("routeConfiguration"))
                .forEach(e -> configurations.add((String) ((Map<?, ?>) e.get("routeConfiguration")).get("id")));
        for (Map<String, Object> route : routes) {
            if (OWN_ERROR_POLICY.contains(route.get("id"))) {
                continue;
            }
            assertThat(configurations).as("routeConfigurationId of route " + route.get("id"))
                    .contains((String) route.get("routeConfigurationId"));
        }
    }

    @Test
    void everyRouteThatBringsInWorkStopsFirst() {
        for (Map<String, Object> route : RouteFiles.routes()) {
            String from = fromUri(route);
            boolean internal = from.startsWith("direct:") || from.startsWith("seda:");
            assertThat(route.get("group")).as("group of route " + route.get("id") + " (from " + from + ")")
                    .isEqualTo(internal ? null : PollersStopFirst.GROUP);
        }
    }

    @Test
    void everyDirectRouteCalledExists() {
        Set<String> endpoints = new HashSet<>();
        RouteFiles.routes().forEach(route -> endpoints.add(fromUri(route)));
        Set<String> called = new TreeSet<>();
        RouteFiles.elements().forEach(element -> RouteFiles.walk(element, node -> {
            if (node.get("to") instanceof Map<?, ?> to && to.get("uri") instanceof String uri
                    && uri.startsWith("direct:")) {
                called.add(uri);
            }
        }));
        RouteFiles.mainJavaOutsideSandbox().forEach(source -> find(DIRECT_IN_JAVA, source, called));
        assertThat(called).contains("direct:remote-call", "direct:smtp-send", "direct:manual-review");
        assertThat(endpoints).containsAll(called);
    }

    @Test
    void everyTemplateJavaBuildsRoutesFromExists() {
        Set<String> templates = new TreeSet<>();
        RouteFiles.elements().stream().filter(e -> e.containsKey("routeTemplate"))
                .forEach(e -> templates.add((String) ((Map<?, ?>) e.get("routeTemplate")).get("id")));
        Set<String> used = new TreeSet<>();
        RouteFiles.mainJavaOutsideSandbox().forEach(source -> find(TEMPLATE_IN_JAVA, source, used));
        assertThat(used).isNotEmpty();
        assertThat(templates).containsAll(used);
    }

    @SuppressWarnings("unchecked")
    private static String fromUri(Map<String, Object> route) {
        return (String) ((Map<String, Object>) route.get("from")).get("uri");
    }

    private static void find(Pattern pattern, String source, Set<String> into) {
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }
}
