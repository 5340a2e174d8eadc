package com.returnsgateway.sandbox.seventeentrack;

import com.returnsgateway.sandbox.SandboxEnabled;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pushes 17TRACK's {@code TRACKING_UPDATED} webhook for a registered number whose status was set, signed as 17TRACK
 * signs: header {@code sign} = lower-case hex SHA-256 of the body bytes, "/" and the API key. Sent in the background;
 * a push that fails is logged and not sent again (17TRACK retries; the gateway's poll catches up anyway).
 */
@Component
@SandboxEnabled
public class WebhookPusher {

    private static final Logger log = LoggerFactory.getLogger(WebhookPusher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SeventeenTrackSimulator simulator;
    private final Environment environment;
    private final String webhookUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param webhookUrl empty: this process's own gateway, {@code http://localhost:<port>/webhooks/17track} */
    public WebhookPusher(SeventeenTrackSimulator simulator, Environment environment,
                         @Value("${sandbox.seventeentrack.webhook-url:}") String webhookUrl) {
        this.simulator = simulator;
        this.environment = environment;
        this.webhookUrl = webhookUrl;
        simulator.onUpdate(this::push);
    }

    void push(SeventeenTrackSimulator.Tracked tracked) {
        ObjectNode push = JsonNodeFactory.instance.objectNode();
        push.put("event", "TRACKING_UPDATED");
        ObjectNode data = push.putObject("data");
        data.put("number", tracked.number());
        SeventeenTrackSimulator.putCarrier(data, tracked.carrier());
        data.putNull("tag");
        data.set("track_info", SeventeenTrackSimulator.trackInfo(tracked));
        byte[] body = JSON.writeValueAsBytes(push);
        String url = url();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("sign", sign(body, simulator.apiKey()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null) {
                log.warn("17TRACK simulator: the webhook push to {} failed: {}", url, failure.toString());
            } else if (response.statusCode() / 100 != 2) {
                log.warn("17TRACK simulator: the webhook push to {} answered HTTP {}", url, response.statusCode());
            }
        });
    }

    /** The signature as 17TRACK computes it. */
    static String sign(byte[] body, String apiKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(body);
            sha256.update(("/" + apiKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url() {
        if (webhookUrl != null && !webhookUrl.isBlank()) {
            return webhookUrl.strip();
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port + "/webhooks/17track";
    }
}
