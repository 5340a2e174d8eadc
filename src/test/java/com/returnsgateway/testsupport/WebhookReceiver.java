package com.returnsgateway.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A back office's webhook endpoint for the flow tests (the JDK's HttpServer on a free port): keeps every request as it
 * came (headers and raw body) and answers 200, unless told to fail an order's next requests or to be down for an
 * order (the connection closed without an answer). Checking the signatures is the tests' job.
 */
public final class WebhookReceiver {

    /** One request as received, and the status it was answered with (null: closed without an answer). */
    public record Request(String webhookId, String timestamp, String signature, String contentType, String userAgent,
                          byte[] body, Integer answeredWith, long receivedAtNanos) {

        public JsonNode json() {
            return Http.JSON.readTree(body);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean accepted() {
            return answeredWith != null && answeredWith >= 200 && answeredWith < 300;
        }
    }

    private record Failure(AtomicInteger left, int status, String retryAfter) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Failure> failing = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hooks", receiver::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "test-webhook-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next {@code count} requests about this order are answered {@code status} (with Retry-After, if given). */
    public void failNext(String orderId, int count, int status, String retryAfter) {
        failing.put(orderId, new Failure(new AtomicInteger(count), status, retryAfter));
    }

    /** Requests about this order get no answer (the connection is closed) until {@link #up}. */
    public void down(String orderId) {
        down.add(orderId);
    }

    public void up(String orderId) {
        down.remove(orderId);
    }

    /** Every request about this order, in the order they came. */
    public List<Request> about(String orderId) {
        List<Request> about = new ArrayList<>();
        for (Request request : requests) {
            if (orderId.equals(orderIdOf(request.body()))) {
                about.add(request);
            }
        }
        return about;
    }

    /** The accepted requests about this order, one per webhook-id (the first accepted), in the order they came. */
    public List<Request> acceptedOnce(String orderId) {
        Set<String> seen = new HashSet<>();
        return about(orderId).stream().filter(Request::accepted).filter(r -> seen.add(r.webhookId())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String orderId = orderIdOf(body);
            Integer status = 200;
            if (orderId != null && down.contains(orderId)) {
                status = null;
            } else if (orderId != null && failing.containsKey(orderId)
                    && failing.get(orderId).left().getAndDecrement() > 0) {
                Failure failure = failing.get(orderId);
                status = failure.status();
                if (failure.retryAfter() != null) {
                    exchange.getResponseHeaders().set("Retry-After", failure.retryAfter());
                }
            }
            var headers = exchange.getRequestHeaders();
            requests.add(new Request(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), headers.getFirst("Content-Type"),
                    headers.getFirst("User-Agent"), body, status, System.nanoTime()));
            if (status != null) {
                exchange.sendResponseHeaders(status, -1);
            }
            // no answer: closing the exchange before sending headers drops the connection
        }
    }

    private static String orderIdOf(byte[] body) {
        try {
            JsonNode orderId = Http.JSON.readTree(body).path("data").path("orderId");
            return orderId.isString() ? orderId.asString() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
