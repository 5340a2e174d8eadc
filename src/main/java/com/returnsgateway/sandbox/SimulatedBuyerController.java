package com.returnsgateway.sandbox;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated buyer answers an offer: finds the offer email the sandbox SMTP server received for the case, and
 * follows its accept or decline link as a browser would (GET the page, then POST its form with the CSRF token and
 * the cookie the page set).
 */
@RestController
@RequestMapping("/sandbox/offers")
@SandboxEnabled
public class SimulatedBuyerController {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final SandboxMailServer mail;

    public SimulatedBuyerController(SandboxMailServer mail) {
        this.mail = mail;
    }

    @PostMapping("/{caseId}/{action:accept|decline}")
    public ObjectNode answer(@PathVariable("caseId") String caseId, @PathVariable("action") String action)
            throws IOException, InterruptedException {
        String link = link(caseId, action);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        ObjectNode result = Json.object();
        result.put("caseId", caseId);
        result.put("action", action);
        result.put("link", link);
        result.put("getStatus", page.statusCode());
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            result.put("page", page.body());
            return result;
        }
        String form = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answered = browser.send(HttpRequest.newBuilder(URI.create(link))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        result.put("postStatus", answered.statusCode());
        result.put("page", answered.body());
        return result;
    }

    /** The link of the latest offer email for the case (its Message-ID names the case and the kind). */
    private String link(String caseId, String action) {
        String messageId = "<" + caseId.replaceAll("[^A-Za-z0-9._-]", "_") + ".partial_refund_offer@";
        List<SandboxMailServer.CapturedMail> offers = mail.mails().stream()
                .filter(m -> m.messageId() != null && m.messageId().startsWith(messageId)).toList();
        if (offers.isEmpty()) {
            throw SandboxException.notFound("no offer email for case " + caseId + " has arrived");
        }
        Matcher link = Pattern.compile("(https?://\\S+/offers/\\S+/" + action + ")")
                .matcher(offers.get(offers.size() - 1).textBody());
        if (!link.find()) {
            throw SandboxException.notFound("the offer email of case " + caseId + " has no " + action + " link");
        }
        return link.group(1);
    }
}
