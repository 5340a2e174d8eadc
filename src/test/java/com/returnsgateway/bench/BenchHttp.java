package com.returnsgateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP calls of the benchmark to the gateway and the simulators, JSON in and out. */
final class BenchHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BenchHttp() {
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(String method, String url, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON answer of a call that must succeed (2xx), or an exception saying what came back. */
    static JsonNode json(String method, String url, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, url, body, headers);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body().isEmpty() ? "null" : response.body());
    }

    static JsonNode get(String url) throws IOException, InterruptedException {
        return json("GET", url, null, Map.of());
    }

    /** 200 from the URL, or false (not up yet, refused, any error). */
    static boolean isUp(String url) {
        try {
            return send("GET", url, null, Map.of()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
