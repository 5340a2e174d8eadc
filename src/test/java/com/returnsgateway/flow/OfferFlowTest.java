package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Negotiation: a 60 USD item delivered to Canada, whence sending it back costs 30 USD (the sandbox's
 * gateway.negotiation settings), is offered 30 % to keep it. The buyer answers through the emailed links, on the real
 * page, as a browser does: GET shows, POST with the page's CSRF token answers.
 */
class OfferFlowTest extends SandboxGatewayTest {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/offers/(\\S+)/(accept|decline))");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @Test
    void theOfferIsEmailedInTheBuyersLanguageWithAnAcceptAndADeclineLink() {
        ObjectNode request = offerReturn("de-DE");
        JsonNode c = settledCase(request);

        assertThat(c.get("status").asString()).isEqualTo("AWAITING_OFFER_ANSWER");
        assertThat(c.get("phase").asString()).isEqualTo("WAITING");
        JsonNode mail = mailsTo(buyerEmail(request)).get(0);
        assertThat(mail.get("subject").asString()).contains("Angebot", request.get("orderId").asString(), "18,00");
        assertThat(mail.get("attachments")).isEmpty();
        String text = mail.get("textBody").asString();
        assertThat(text).contains("Teilerstattung von 18,00").contains("http://localhost:" + PORT + "/offers/");
        assertThat(links(text)).containsOnlyKeys("accept", "decline");
        assertThat(mail.get("htmlBody").asString()).contains(links(text).get("accept"), links(text).get("decline"));
        assertThat(refundsFor(request.get("returnId").asString())).isEmpty();
        assertThat(timelineText(c)).contains("Partial refund of 18.00 USD offered");
    }

    @Test
    void acceptingOnThePageRefundsThePartialAmountOnceAndClosesTheCase() throws Exception {
        ObjectNode request = offerReturn("ja-JP");
        String caseId = settledCase(request).get("caseId").asString();
        String accept = links(offerMail(request)).get("accept");
        Browser browser = new Browser();

        // a mail scanner or the buyer opening the link: the page, in Japanese, and nothing changes
        HttpResponse<String> page = browser.get(accept);
        browser.get(links(offerMail(request)).get("decline"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"ja\"", "承諾して商品を残す", "$18.00", "method=\"post\"", "_csrf");
        assertThat(caseDetail(caseId).get("status").asString()).isEqualTo("AWAITING_OFFER_ANSWER");
        assertThat(offerAnswer(caseId)).isNull();

        // a POST without the page's CSRF token is refused
        assertThat(new Browser().post(accept, null).statusCode()).isEqualTo(403);
        assertThat(offerAnswer(caseId)).isNull();

        HttpResponse<String> done = browser.post(accept, csrf(page));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("$18.00");

        JsonNode closed = caseWhere(request, d -> "CLOSED".equals(d.get("status").asString()));
        List<JsonNode> refunds = refundsFor(request.get("returnId").asString());
        assertThat(refunds).singleElement().satisfies(r -> {
            assertThat(r.get("type").asString()).isEqualTo("PARTIAL");
            assertThat(r.get("amount").decimalValue()).isEqualByComparingTo("18.00");
            assertThat(r.get("currency").asString()).isEqualTo("USD");
            assertThat(r.get("reason").asString()).isEqualTo("RETURNLESS");
        });
        assertThat(timelineText(closed)).contains("Buyer accepted the partial refund of 18.00 USD",
                "Buyer keeps the item with the partial refund: case closed");
        await().until(() -> mailsTo(buyerEmail(request)).size() == 2);
        assertThat(mailsTo(buyerEmail(request)).get(1).get("subject").asString()).contains("返金");

        // the used link, again: the clear page, HTTP 410, no second refund
        HttpResponse<String> replay = browser.post(accept, csrf(page));
        assertThat(replay.statusCode()).isEqualTo(410);
        assertThat(replay.body()).contains("このリンクは無効です");
        assertThat(browser.get(accept).statusCode()).isEqualTo(410);
        assertThat(refundsFor(request.get("returnId").asString())).hasSize(1);
    }

    @Test
    void decliningSendsTheReturnLabel() {
        ObjectNode request = offerReturn("en-US");
        String caseId = settledCase(request).get("caseId").asString();

        // the simulated buyer clicks decline in the email (GET, then POST with the CSRF token)
        JsonNode click = sandbox.post("/sandbox/offers/" + caseId + "/decline", "").json();
        assertThat(click.get("getStatus").asInt()).isEqualTo(200);
        assertThat(click.get("postStatus").asInt()).isEqualTo(200);

        JsonNode c = caseWhere(request, d -> "AWAITING_RETURN".equals(d.get("status").asString()));
        assertThat(timelineText(c)).contains("Buyer declined the offer: a return label follows");
        await().until(() -> mailsTo(buyerEmail(request)).size() == 2);
        JsonNode label = mailsTo(buyerEmail(request)).get(1);
        assertThat(label.get("subject").asString()).contains("return label");
        assertThat(label.get("attachments").get(0).get("name").asString()).endsWith(".pdf");
        assertThat(refundsFor(request.get("returnId").asString())).isEmpty();
        assertThat(offerAnswer(caseId)).isEqualTo("DECLINED");

        // both links are used now
        Browser browser = new Browser();
        assertThat(browser.get(links(offerMail(request)).get("accept")).statusCode()).isEqualTo(410);
        assertThat(sandbox.post("/sandbox/offers/" + caseId + "/accept", "").json().get("getStatus").asInt())
                .isEqualTo(410);
        assertThat(caseDetail(caseId).get("status").asString()).isEqualTo("AWAITING_RETURN");
    }

    @Test
    void aTamperedOrForgedLinkShowsTheClearPageAndChangesNothing() throws Exception {
        ObjectNode request = offerReturn("en-US");
        String caseId = settledCase(request).get("caseId").asString();
        String accept = links(offerMail(request)).get("accept");
        String token = LINK.matcher(accept).results().findFirst().orElseThrow().group(2);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        String otherAction = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("|ACCEPT|", "|DECLINE|").getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));
        String base = accept.substring(0, accept.indexOf("/offers/") + "/offers/".length());
        Browser browser = new Browser();

        for (String link : List.of(base + otherAction + "/decline", base + otherAction + "/accept",
                base + token.substring(0, token.length() - 2) + "/accept", base + token + "/decline",
                base + "not-a-token/accept")) {
            HttpResponse<String> page = browser.get(link);
            assertThat(page.statusCode()).as(link).isEqualTo(400);
            assertThat(page.body()).contains("This link is no longer valid").doesNotContain("_csrf");
        }
        // a POST to a tampered link, with a CSRF token from a valid page
        String csrf = csrf(browser.get(accept));
        assertThat(browser.post(base + otherAction + "/decline", csrf).statusCode()).isEqualTo(400);

        assertThat(caseDetail(caseId).get("status").asString()).isEqualTo("AWAITING_OFFER_ANSWER");
        assertThat(offerAnswer(caseId)).isNull();
        assertThat(refundsFor(request.get("returnId").asString())).isEmpty();
        assertThat(mailsTo(buyerEmail(request))).hasSize(1);
    }

    @Test
    void withoutAnAnswerInTimeTheLinksExpireAndTheReturnLabelFollows() throws Exception {
        ObjectNode request = offerReturn("zh-CN");
        String caseId = settledCase(request).get("caseId").asString();
        String accept = links(offerMail(request)).get("accept");
        Browser browser = new Browser();
        String csrf = csrf(browser.get(accept));

        // answer-within (3 days) has passed
        jdbc.sql("UPDATE offer SET expires_at = :past WHERE case_id = :id")
                .param("past", java.sql.Timestamp.from(Instant.now().minusSeconds(60)))
                .param("id", caseId).update();

        HttpResponse<String> late = browser.post(accept, csrf);
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("此链接已失效");
        JsonNode c = caseWhere(request, d -> "AWAITING_RETURN".equals(d.get("status").asString()));
        assertThat(timelineText(c)).contains("No answer to the partial refund offer in time: a return label follows");
        await().until(() -> mailsTo(buyerEmail(request)).size() == 2);
        assertThat(mailsTo(buyerEmail(request)).get(1).get("attachments")).hasSize(1);
        assertThat(refundsFor(request.get("returnId").asString())).isEmpty();
        assertThat(offerAnswer(caseId)).isEqualTo("EXPIRED");
        assertThat(browser.get(accept).statusCode()).isEqualTo(410);
    }

    /** A 60 USD item, delivered (generic-express) to a buyer in Canada. */
    private ObjectNode offerReturn(String locale) {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Delivered", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "60.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        ObjectNode buyer = (ObjectNode) request.get("buyer");
        buyer.put("locale", locale);
        ((ObjectNode) buyer.get("address")).put("country", "CA");
        marketplaceHas(request);
        return request;
    }

    private String offerMail(ObjectNode request) {
        await().until(() -> !mailsTo(buyerEmail(request)).isEmpty());
        return mailsTo(buyerEmail(request)).get(0).get("textBody").asString();
    }

    private static Map<String, String> links(String text) {
        Map<String, String> links = new java.util.HashMap<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            links.put(m.group(3), m.group(1));
        }
        return links;
    }

    private JsonNode caseDetail(String caseId) {
        return api.get("/api/cases/" + caseId).json();
    }

    private String offerAnswer(String caseId) {
        return jdbc.sql("SELECT answer FROM offer WHERE case_id = :id").param("id", caseId).query(String.class)
                .optional().orElse(null);
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1);
    }

    /** A browser: keeps its cookies (the CSRF cookie among them) between requests. */
    private static final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
        }

        HttpResponse<String> post(String url, String csrf) {
            String form = csrf == null ? "" : "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
