package com.returnsgateway.sandbox.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.returnsgateway.testsupport.Http;

import tools.jackson.databind.JsonNode;

class AmazonReportsTest extends AmazonSimulatorWebTest {

    private static final String REPORTS = "/reports/2021-06-30/reports";
    private static final List<String> COLUMNS = List.of("Order ID", "Order date", "Return request date",
            "Return request status", "Amazon RMA ID", "Merchant RMA ID", "Label type", "Label cost", "Currency code",
            "Return carrier", "Tracking ID", "Label to be paid by", "A-to-Z Claim", "Is prime", "ASIN",
            "Merchant SKU", "Item Name", "Return quantity", "Return Reason", "In policy", "Return type", "Resolution",
            "Invoice number", "Return delivery date", "Order Amount", "Order quantity", "SafeT Action reason",
            "SafeT claim id", "SafeT claim state", "SafeT claim creation time", "SafeT claim reimbursement amount",
            "Refunded Amount");

    private static Map<String, Object> spec(String marketplace, Instant from, Instant to) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("reportType", "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE");
        spec.put("marketplaceIds", List.of(marketplace));
        spec.put("dataStartTime", from.toString());
        spec.put("dataEndTime", to.toString());
        return spec;
    }

    private String create(String token, Map<String, Object> spec) {
        Http.Reply created = spPost(token, REPORTS, spec);
        assertThat(created.status()).as(created.text()).isEqualTo(202);
        String reportId = created.json().get("reportId").stringValue();
        assertThat(reportId).matches("\\d+");
        return reportId;
    }

    private JsonNode poll(String token, String reportId) {
        Http.Reply reply = spGet(token, REPORTS + "/" + reportId);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    /** Polls until the report ends; returns the final report. */
    private JsonNode pollUntilDone(String token, String reportId) {
        for (int i = 0; i < 10; i++) {
            JsonNode report = poll(token, reportId);
            String status = report.get("processingStatus").stringValue();
            if (!status.equals("IN_QUEUE") && !status.equals("IN_PROGRESS")) {
                return report;
            }
        }
        throw new AssertionError("report " + reportId + " never ended");
    }

    /** The rows of a DONE report's document, each a map from column name to cell, header checked. */
    private List<Map<String, String>> download(String token, JsonNode report) {
        JsonNode doc = spGet(token, "/reports/2021-06-30/documents/" + report.get("reportDocumentId").stringValue())
                .json();
        assertThat(doc.get("compressionAlgorithm").stringValue()).isEqualTo("GZIP");
        Http.Reply file = http.get(doc.get("url").stringValue());
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).startsWith("application/octet-stream");
        String text = SpClient.gunzip(file.response().body());
        String[] lines = text.split("\n");
        assertThat(Arrays.asList(lines[0].split("\t", -1))).containsExactlyElementsOf(COLUMNS);
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split("\t", -1);
            assertThat(cells).as("row " + i).hasSize(32);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < cells.length; c++) {
                row.put(COLUMNS.get(c), cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void aReportMovesThroughItsStatesAndItsDocumentListsOneRowPerReturnedItem() {
        String token = accessToken(US_REFRESH_TOKEN);
        String reportId = create(token, spec(US, now().minus(Duration.ofDays(3)), now()));

        JsonNode first = poll(token, reportId);
        assertThat(first.get("processingStatus").stringValue()).isEqualTo("IN_QUEUE");
        assertThat(first.get("reportId").stringValue()).isEqualTo(reportId);
        assertThat(first.get("reportType").stringValue()).isEqualTo("GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE");
        assertThat(first.get("marketplaceIds").get(0).stringValue()).isEqualTo(US);
        assertThat(first.get("createdTime").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
        assertThat(first.has("processingStartTime")).isFalse();
        assertThat(first.has("reportDocumentId")).isFalse();
        JsonNode second = poll(token, reportId);
        assertThat(second.get("processingStatus").stringValue()).isEqualTo("IN_PROGRESS");
        assertThat(second.has("processingStartTime")).isTrue();
        assertThat(second.has("processingEndTime")).isFalse();
        JsonNode done = poll(token, reportId);
        assertThat(done.get("processingStatus").stringValue()).isEqualTo("DONE");
        assertThat(done.has("processingEndTime")).isTrue();
        String documentId = done.get("reportDocumentId").stringValue();
        assertThat(poll(token, reportId).get("reportDocumentId").stringValue()).isEqualTo(documentId);

        JsonNode doc = spGet(token, "/reports/2021-06-30/documents/" + documentId).json();
        assertThat(doc.get("reportDocumentId").stringValue()).isEqualTo(documentId);
        assertThat(doc.get("url").stringValue())
                .startsWith("http://127.0.0.1:" + port + "/sandbox/amazon/s3/report-documents/" + documentId + "?")
                .contains("X-Amz-Expires=300").contains("X-Amz-Date=").contains("X-Amz-Signature=");

        List<Map<String, String>> rows = download(token, done);
        // five US returns, one of them with two SKUs
        assertThat(rows).hasSize(6);
        List<Map<String, String>> twoItems = rows.stream()
                .filter(r -> r.get("Amazon RMA ID").equals("DkR7mQ2xaRRMA")).toList();
        assertThat(twoItems).extracting(r -> r.get("Merchant SKU"))
                .containsExactlyInAnyOrder("SPK-MINI-BLU", "CBL-USBC-2M");
        Map<String, String> cable = twoItems.stream().filter(r -> r.get("Merchant SKU").equals("CBL-USBC-2M"))
                .findFirst().orElseThrow();
        assertThat(cable.get("Order ID")).isEqualTo("113-4021876-5530214");
        assertThat(cable.get("Return quantity")).isEqualTo("2");
        assertThat(cable.get("Order quantity")).isEqualTo("2");
        assertThat(cable.get("Order Amount")).isEqualTo("17.98");
        assertThat(cable.get("Currency code")).isEqualTo("USD");
        assertThat(cable.get("Is prime")).isEqualTo("Y");
        assertThat(cable.get("A-to-Z Claim")).isEqualTo("N");
        assertThat(cable.get("In policy")).isEqualTo("Y");
        assertThat(cable.get("Return type")).isEqualTo("C-Returns");
        assertThat(cable.get("Resolution")).isEqualTo("StandardRefund");
        assertThat(cable.get("Return request status")).isEqualTo("Approved");
        assertThat(cable.get("Refunded Amount")).isEqualTo("0.00");
        assertThat(cable.get("Tracking ID")).isEmpty();
        assertThat(cable.get("SafeT claim id")).isEmpty();
        assertThat(cable.get("Return request date"))
                .isEqualTo(AmazonJson.timestamp(now().minus(Duration.ofHours(2))))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
        assertThat(cable.get("Order date")).isEqualTo(AmazonJson.timestamp(now().minus(Duration.ofDays(2))));
        assertThat(rows).extracting(r -> r.get("Return Reason")).contains("CR-DEFECTIVE");
        assertThat(rows).extracting(r -> r.get("Order ID")).allMatch(id -> id.startsWith("113-"));
    }

    @Test
    void japaneseTitlesSurviveTheRoundTrip() {
        String token = accessToken(JP_REFRESH_TOKEN);
        String reportId = create(token, spec(JP, now().minus(Duration.ofDays(1)), now()));
        List<Map<String, String>> rows = download(token, pollUntilDone(token, reportId));
        assertThat(rows).extracting(r -> r.get("Item Name"))
                .containsExactlyInAnyOrder("真空断熱ステンレスタンブラー 350ml ホワイト", "天然竹のお箸 5膳セット");
        Map<String, String> tumbler = rows.stream().filter(r -> r.get("Merchant SKU").equals("TMB-SS-350"))
                .findFirst().orElseThrow();
        assertThat(tumbler.get("Currency code")).isEqualTo("JPY");
        assertThat(tumbler.get("Order Amount")).isEqualTo("2980");
        assertThat(tumbler.get("Refunded Amount")).isEqualTo("0");
    }

    @Test
    void onlyReturnsRequestedInsideTheWindowAreListed() {
        String token = accessToken(US_REFRESH_TOKEN);
        // [now-3h, now-1h): the 3h-old return sits on the (inclusive) start; the 2h-old two-item one and the 90 minutes
        // old one are inside; the 45 and 30 minutes old ones are past the (exclusive) end
        String reportId = create(token, spec(US, now().minus(Duration.ofHours(3)), now().minus(Duration.ofHours(1))));
        List<Map<String, String>> rows = download(token, pollUntilDone(token, reportId));
        assertThat(rows).extracting(r -> r.get("Amazon RMA ID")).containsExactlyInAnyOrder("DpW4nV8kbRRMA",
                "DkR7mQ2xaRRMA", "DkR7mQ2xaRRMA", "DsT2hB5ccRRMA");
    }

    @Test
    void anInjectedReturnShowsUpInTheNextReport() {
        Map<String, Object> ret = new LinkedHashMap<>();
        ret.put("orderId", "113-7720145-9981306");
        ret.put("items", List.of(Map.of("sku", "HP-ANC-900", "quantity", 1)));
        ret.put("reason", "CR-NOT_COMPATIBLE");
        ret.put("requestedAt", now().minus(Duration.ofMinutes(5)).toString());
        Http.Reply injected = http.post("/sandbox/amazon/returns", ret);
        assertThat(injected.status()).as(injected.text()).isEqualTo(201);
        String rmaId = injected.json().get("rmaId").stringValue();
        assertThat(rmaId).matches("D[A-Za-z0-9]{8}RRMA");
        assertThat(injected.json().get("rows").get(0).get("rmaId").stringValue()).isEqualTo(rmaId);

        String token = accessToken(US_REFRESH_TOKEN);
        String reportId = create(token, spec(US, now().minus(Duration.ofMinutes(10)), now()));
        List<Map<String, String>> rows = download(token, pollUntilDone(token, reportId));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("Amazon RMA ID")).isEqualTo(rmaId);
        assertThat(rows.get(0).get("Return Reason")).isEqualTo("CR-NOT_COMPATIBLE");

        Map<String, Object> unknown = new LinkedHashMap<>(ret);
        unknown.put("orderId", "113-0000000-0000000");
        Http.Reply refused = http.post("/sandbox/amazon/returns", unknown);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(firstError(refused).get("message").stringValue()).contains("113-0000000-0000000");
        Map<String, Object> tooMany = new LinkedHashMap<>(ret);
        tooMany.put("items", List.of(Map.of("sku", "HP-ANC-900", "quantity", 2)));
        assertThat(http.post("/sandbox/amazon/returns", tooMany).status()).isEqualTo(400);
    }

    @Test
    void aWindowWithoutReturnsEndsCancelled() {
        String token = accessToken(US_REFRESH_TOKEN);
        String reportId = create(token, spec(US, now().minus(Duration.ofDays(30)), now().minus(Duration.ofDays(20))));
        JsonNode report = pollUntilDone(token, reportId);
        assertThat(report.get("processingStatus").stringValue()).isEqualTo("CANCELLED");
        assertThat(report.has("reportDocumentId")).isFalse();
        assertThat(report.has("processingEndTime")).isTrue();
    }

    @Test
    void theHookMakesTheNextReportFatal() {
        assertThat(http.post("/sandbox/amazon/reports/fail-next", "").status()).isEqualTo(200);
        String token = accessToken(US_REFRESH_TOKEN);
        String failing = create(token, spec(US, now().minus(Duration.ofDays(1)), now()));
        String next = create(token, spec(US, now().minus(Duration.ofDays(1)), now()));
        JsonNode fatal = pollUntilDone(token, failing);
        assertThat(fatal.get("processingStatus").stringValue()).isEqualTo("FATAL");
        assertThat(fatal.has("reportDocumentId")).isFalse();
        assertThat(pollUntilDone(token, next).get("processingStatus").stringValue()).isEqualTo("DONE");

        JsonNode listed = http.get("/sandbox/amazon/reports").json();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("processingStatus").stringValue()).isEqualTo("FATAL");
        assertThat(listed.get(0).get("sellerId").stringValue()).isEqualTo(US_SELLER);
        assertThat(listed.get(0).get("failOnPurpose").booleanValue()).isTrue();
        assertThat(listed.get(1).get("rows").intValue()).isEqualTo(6);
        assertThat(listed.get(1).get("polls").intValue()).isEqualTo(3);
        assertThat(listed.get(1).has("dataStartTime")).isTrue();
    }

    @Test
    void refusesBadReportSpecifications() {
        String token = accessToken(US_REFRESH_TOKEN);
        Instant to = now();
        Map<String, Object> otherType = spec(US, to.minus(Duration.ofDays(1)), to);
        otherType.put("reportType", "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA");
        Map<String, Object> noEnd = spec(US, to.minus(Duration.ofDays(1)), to);
        noEnd.remove("dataEndTime");
        Map<String, Object> noMarketplaces = spec(US, to.minus(Duration.ofDays(1)), to);
        noMarketplaces.remove("marketplaceIds");
        Map<String, Object> tooLong = spec(US, to.minus(Duration.ofDays(61)), to);
        Map<String, Object> backwards = spec(US, to, to.minus(Duration.ofDays(1)));
        Map<String, Object> notMine = spec(JP, to.minus(Duration.ofDays(1)), to);
        Map<String, Object> badDate = spec(US, to.minus(Duration.ofDays(1)), to);
        badDate.put("dataStartTime", "yesterday");
        for (Map<String, Object> bad : List.of(otherType, noEnd, noMarketplaces, tooLong, backwards, notMine,
                badDate)) {
            Http.Reply reply = spPost(token, REPORTS, bad);
            assertThat(reply.status()).as(bad.toString()).isEqualTo(400);
            assertThat(firstError(reply).get("code").stringValue()).isEqualTo("InvalidInput");
        }
        assertThat(firstError(spPost(token, REPORTS, tooLong)).get("message").stringValue()).contains("60 days");
        assertThat(spPost(token, REPORTS, "{not json").status()).isEqualTo(400);
        assertThat(spPost(token, REPORTS, spec(US, to.minus(Duration.ofDays(60)), to)).status()).isEqualTo(202);
        assertThat(spGet(token, REPORTS + "/999").status()).isEqualTo(404);
        assertThat(http.get("/sandbox/amazon/reports").json()).hasSize(1);
    }

    @Test
    void aDocumentUrlExpiresAndOnlyWorksAsSigned() {
        String token = accessToken(US_REFRESH_TOKEN);
        JsonNode report = pollUntilDone(token, create(token, spec(US, now().minus(Duration.ofDays(1)), now())));
        String documentPath = "/reports/2021-06-30/documents/" + report.get("reportDocumentId").stringValue();
        String url = spGet(token, documentPath).json().get("url").stringValue();

        Http.Reply tampered = http.get(url.replaceAll("X-Amz-Signature=[0-9a-f]", "X-Amz-Signature=g"));
        assertThat(tampered.status()).isEqualTo(403);
        assertThat(tampered.text()).contains("<Code>SignatureDoesNotMatch</Code>");
        Http.Reply unsigned = http.get(url.substring(0, url.indexOf('?')));
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(unsigned.text()).contains("<Code>AccessDenied</Code>");

        advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(http.get(url).status()).isEqualTo(200);
        advance(Duration.ofSeconds(1));
        Http.Reply expired = http.get(url);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.header("Content-Type")).startsWith("application/xml");
        assertThat(expired.text()).contains("<Error><Code>AccessDenied</Code><Message>Request has expired</Message>");

        String fresh = spGet(token, documentPath).json().get("url").stringValue();
        assertThat(http.get(fresh).status()).isEqualTo(200);
        // the token of another seller does not reach the document
        assertThat(spGet(accessToken(JP_REFRESH_TOKEN), documentPath).status()).isEqualTo(404);
    }

    private static final String RETURNS = "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE";

    /** getReports with this query string; checks the answer is a 200 with a reports array. */
    private JsonNode list(String token, String query) {
        Http.Reply reply = spGet(token, REPORTS + "?" + query);
        assertThat(reply.status()).as(query + ": " + reply.text()).isEqualTo(200);
        assertThat(reply.header("x-amzn-RateLimit-Limit")).isEqualTo("0.0222");
        assertThat(reply.json().get("reports").isArray()).isTrue();
        return reply.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.get("reports").forEach(r -> ids.add(r.get("reportId").stringValue()));
        return ids;
    }

    @Test
    void getReportsListsTheSellersReportsNewestFirstAPageAtATime() {
        String token = accessToken(US_REFRESH_TOKEN);
        String first = create(token, spec(US, now().minus(Duration.ofDays(1)), now()));
        Instant firstCreated = now();
        advance(Duration.ofMinutes(1));
        String second = create(token, spec(US, now().minus(Duration.ofDays(1)), now()));
        Instant secondCreated = now();
        advance(Duration.ofMinutes(1));
        String third = create(token, spec(US, now().minus(Duration.ofDays(1)), now()));
        String japanese = create(accessToken(JP_REFRESH_TOKEN), spec(JP, now().minus(Duration.ofDays(1)), now()));
        JsonNode done = pollUntilDone(token, first);

        JsonNode all = list(token, "reportTypes=" + RETURNS);
        assertThat(ids(all)).containsExactly(third, second, first);
        assertThat(all.has("nextToken")).isFalse();
        // the same report objects getReport answers, and listing does not move a report along
        assertThat(all.get("reports").get(2)).isEqualTo(done);
        assertThat(all.get("reports").get(0).get("processingStatus").stringValue()).isEqualTo("IN_QUEUE");
        assertThat(list(token, "reportTypes=" + RETURNS).get("reports").get(0)).isEqualTo(all.get("reports").get(0));

        JsonNode page = list(token, "reportTypes=" + RETURNS + "&pageSize=2");
        assertThat(ids(page)).containsExactly(third, second);
        String nextToken = page.get("nextToken").stringValue();
        JsonNode last = list(token, "nextToken=" + nextToken);
        assertThat(ids(last)).containsExactly(first);
        assertThat(last.has("nextToken")).isFalse();

        assertThat(ids(list(token, "reportTypes=" + RETURNS + "&processingStatuses=DONE"))).containsExactly(first);
        assertThat(ids(list(token, "reportTypes=" + RETURNS + "&processingStatuses=IN_QUEUE,CANCELLED")))
                .containsExactly(third, second);
        // getReports' burst is 10 and it refills at 0.0222/s: one call per 45 s
        advance(Duration.ofMinutes(10));
        assertThat(ids(list(token, "reportTypes=" + RETURNS + "&processingStatuses=IN_QUEUE"
                + "&processingStatuses=DONE"))).containsExactly(third, second, first);
        assertThat(ids(list(token, "reportTypes=" + RETURNS + "&marketplaceIds=" + JP))).isEmpty();
        assertThat(ids(list(token, "reportTypes=" + RETURNS + "&marketplaceIds=" + JP + "," + US)))
                .containsExactly(third, second, first);
        assertThat(ids(list(token, "reportTypes=GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA," + RETURNS
                + "&createdSince=" + secondCreated))).containsExactly(third, second);
        assertThat(ids(list(token, "reportTypes=" + RETURNS + "&createdUntil=" + firstCreated)))
                .containsExactly(first);
        assertThat(ids(list(token, "reportTypes=GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA"))).isEmpty();
        // createdSince defaults to 90 days ago
        advance(Duration.ofDays(90));
        assertThat(ids(list(accessToken(US_REFRESH_TOKEN), "reportTypes=" + RETURNS))).isEmpty();
        assertThat(ids(list(accessToken(JP_REFRESH_TOKEN), "reportTypes=" + RETURNS + "&createdSince="
                + now().minus(Duration.ofDays(91))))).containsExactly(japanese);
    }

    @Test
    void getReportsRefusesBadParametersInAmazonsShape() {
        String token = accessToken(US_REFRESH_TOKEN);
        create(token, spec(US, now().minus(Duration.ofDays(1)), now()));
        create(token, spec(US, now().minus(Duration.ofDays(1)), now()));
        String nextToken = list(token, "reportTypes=" + RETURNS + "&pageSize=1").get("nextToken").stringValue();
        List<String> bad = List.of("", "pageSize=5", "reportTypes=", "reportTypes=" + RETURNS + "&pageSize=0",
                "reportTypes=" + RETURNS + "&pageSize=101", "reportTypes=" + RETURNS + "&pageSize=ten",
                "reportTypes=" + RETURNS + "&processingStatuses=FINISHED",
                "reportTypes=" + RETURNS + "&createdSince=yesterday",
                "reportTypes=" + RETURNS + "&createdSince=" + now() + "&createdUntil=" + now().minusSeconds(60),
                "reportTypes=A,B,C,D,E,F,G,H,I,J,K", "nextToken=not-a-token",
                "nextToken=" + nextToken + "&reportTypes=" + RETURNS,
                "nextToken=" + nextToken + "&pageSize=5");
        for (String query : bad) {
            advance(Duration.ofMinutes(1)); // a token of getReports' bucket for every call
            Http.Reply reply = spGet(token, REPORTS + "?" + query);
            assertThat(reply.status()).as(query + ": " + reply.text()).isEqualTo(400);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            assertThat(firstError(reply).get("code").stringValue()).as(query).isEqualTo("InvalidInput");
        }
        assertThat(firstError(spGet(token, REPORTS + "?pageSize=5")).get("message").stringValue())
                .contains("reportTypes");
        assertThat(list(token, "nextToken=" + nextToken).get("reports")).hasSize(1);
    }
}
