package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.config.GatewayProperties;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * GET /sandbox lists every forwarder simulator with the protocol it speaks and the base URL a client calls (other tools
 * rely on it): for each forwarder the sandbox gateway is configured with, that is its {@code type:} and its
 * {@code base-url}, and the URL answers.
 */
class SandboxListingTest extends SandboxGatewayTest {

    @Autowired
    GatewayProperties properties;

    @Test
    void everyConfiguredForwarderIsListedWithItsProtocolAndTheBaseUrlTheGatewayCalls() {
        JsonNode info = sandbox.get("/sandbox").json();
        Map<String, JsonNode> listed = new HashMap<>();
        info.get("forwarders").forEach(f -> listed.put(f.get("code").asString(), f));

        assertThat(properties.forwarders()).isNotEmpty();
        properties.forwarders().forEach((code, forwarder) -> {
            if (code.equals("unreachable-express")) {
                return; // the flow tests' own forwarder that nobody simulates (RemoteSystemsHealthFlowTest)
            }
            assertThat(listed).as("GET /sandbox lists forwarder " + code).containsKey(code);
            JsonNode entry = listed.get(code);
            assertThat(entry.get("protocol").asString()).as(code + "'s protocol").isEqualTo(forwarder.type());
            if (forwarder.baseUrl() != null) {
                URI listedUrl = URI.create(entry.get("baseUrl").asString());
                URI configured = URI.create(forwarder.baseUrl());
                assertThat(listedUrl.getPort()).as(code + "'s port").isEqualTo(configured.getPort());
                assertThat(listedUrl.getPath()).as(code + "'s base path").isEqualTo(configured.getPath());
            }
        });
    }
}
