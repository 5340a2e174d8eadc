package com.returnsgateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser session on the console without the browser: form login, the session cookie, and the CSRF token
 * each form carries, over plain HTTP. For tests of what the pages say and do; the browser tests cover the clicking.
 */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public record Page(int status, String location, String html) {
    }

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    private ConsoleSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Logged in as this user (the console's language left at its default, Chinese, unless {@code lang}). */
    public static ConsoleSession logIn(int port, String user, String password) {
        ConsoleSession session = new ConsoleSession(port);
        Page login = session.get("/console/login");
        Page result = session.send("POST", "/console/login", Map.of("username", user, "password", password,
                "_csrf", csrf(login.html())));
        if (result.location() == null || result.location().contains("error")) {
            throw new IllegalStateException("login as " + user + " failed: " + result.status() + " " + result.location());
        }
        return session;
    }

    public Page get(String path) {
        return send("GET", path, null);
    }

    /** Submits a form of the page at {@code pagePath} (its CSRF token) to {@code action}, as the browser would. */
    public Page submit(String pagePath, String action, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf(get(pagePath).html()));
        return send("POST", action, form);
    }

    /** A POST without the CSRF token: what another site could make a browser send. */
    public Page postWithoutToken(String action, Map<String, String> fields) {
        return send("POST", action, fields);
    }

    private Page send(String method, String path, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (form == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"))));
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("the page has no form with a CSRF token");
        }
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
