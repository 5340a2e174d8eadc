package com.returnsgateway.sandbox.amazon;

import static com.returnsgateway.sandbox.amazon.AdjustmentFeedXml.component;
import static com.returnsgateway.sandbox.amazon.AdjustmentFeedXml.envelope;
import static com.returnsgateway.sandbox.amazon.AdjustmentFeedXml.item;
import static com.returnsgateway.sandbox.amazon.AdjustmentFeedXml.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.returnsgateway.testsupport.Http;
import com.returnsgateway.core.xml.SafeXml;

import tools.jackson.databind.JsonNode;

class AmazonFeedsTest extends AmazonSimulatorWebTest {

    private static final String FEEDS = "/feeds/2021-06-30";
    private static final String CHEAP_ORDER = "113-2298810-4416729";
    private static final String CHEAP_ITEM = "22988104416701";
    private static final String TWO_ITEM_ORDER = "113-4021876-5530214";
    private static final String SPEAKER = "40218765530101";
    private static final String CABLES = "40218765530102";
    private static final String REJECTED_ORDER = "113-5563091-2087745";
    private static final String JP_ORDER = "503-3318842-7705126";
    private static final String JP_ITEM = "33188427705101";

    private String upload(String token, String xml) {
        Http.Reply doc = spPost(token, FEEDS + "/documents", Map.of("contentType", "text/xml; charset=UTF-8"));
        assertThat(doc.status()).as(doc.text()).isEqualTo(201);
        String url = doc.json().get("url").stringValue();
        assertThat(url).startsWith("http://127.0.0.1:" + port + "/sandbox/amazon/s3/feed-documents/");
        Http.Reply put = http.put(url, xml.getBytes(StandardCharsets.UTF_8), "text/xml; charset=UTF-8");
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        return doc.json().get("feedDocumentId").stringValue();
    }

    private String submit(String token, String marketplace, String xml) {
        Http.Reply feed = spPost(token, FEEDS + "/feeds", Map.of("feedType", "POST_PAYMENT_ADJUSTMENT_DATA",
                "marketplaceIds", List.of(marketplace), "inputFeedDocumentId", upload(token, xml)));
        assertThat(feed.status()).as(feed.text()).isEqualTo(202);
        return feed.json().get("feedId").stringValue();
    }

    private JsonNode pollUntilDone(String token, String feedId) {
        for (int i = 0; i < 10; i++) {
            JsonNode feed = spGet(token, FEEDS + "/feeds/" + feedId).json();
            String status = feed.get("processingStatus").stringValue();
            if (!status.equals("IN_QUEUE") && !status.equals("IN_PROGRESS")) {
                return feed;
            }
        }
        throw new AssertionError("feed " + feedId + " never ended");
    }

    private Document processingReport(String token, JsonNode feed) {
        JsonNode doc = spGet(token, FEEDS + "/documents/" + feed.get("resultFeedDocumentId").stringValue()).json();
        assertThat(doc.has("compressionAlgorithm")).isFalse();
        Http.Reply xml = http.get(doc.get("url").stringValue());
        assertThat(xml.status()).isEqualTo(200);
        return SafeXml.parse(xml.response().body());
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }

    private static List<Element> results(Document report) {
        List<Element> results = new ArrayList<>();
        for (int i = 0; i < report.getElementsByTagName("Result").getLength(); i++) {
            results.add((Element) report.getElementsByTagName("Result").item(i));
        }
        return results;
    }

    private JsonNode inspectedFeed(String feedId) {
        for (JsonNode f : http.get("/sandbox/amazon/feeds").json()) {
            if (f.get("feedId").stringValue().equals(feedId)) {
                return f;
            }
        }
        throw new AssertionError("feed " + feedId + " not listed");
    }

    @Test
    void aFeedWithAGoodAndABadMessageIsProcessedMessageByMessage() {
        String token = accessToken(US_REFRESH_TOKEN);
        String xml = envelope(US_SELLER,
                message(1, CHEAP_ORDER, item(CHEAP_ITEM, "CustomerReturn", component("Principal", "9.99", "USD"),
                        component("Shipping", "3.99", "USD"), component("Tax", "0.80", "USD"))),
                message(2, "113-0000000-0000000", item("11111111111111", "CustomerReturn",
                        component("Principal", "5.00", "USD"))));
        String feedId = submit(token, US, xml);
        assertThat(feedId).matches("\\d+");

        JsonNode first = spGet(token, FEEDS + "/feeds/" + feedId).json();
        assertThat(first.get("processingStatus").stringValue()).isEqualTo("IN_QUEUE");
        assertThat(first.get("feedType").stringValue()).isEqualTo("POST_PAYMENT_ADJUSTMENT_DATA");
        assertThat(first.get("marketplaceIds").get(0).stringValue()).isEqualTo(US);
        assertThat(first.has("createdTime")).isTrue();
        assertThat(first.has("resultFeedDocumentId")).isFalse();
        assertThat(spGet(token, FEEDS + "/feeds/" + feedId).json().get("processingStatus").stringValue())
                .isEqualTo("IN_PROGRESS");
        JsonNode done = spGet(token, FEEDS + "/feeds/" + feedId).json();
        assertThat(done.get("processingStatus").stringValue()).isEqualTo("DONE");
        assertThat(done.has("processingStartTime")).isTrue();
        assertThat(done.has("processingEndTime")).isTrue();

        Document report = processingReport(token, done);
        Element root = report.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("AmazonEnvelope");
        assertThat(text(root, "MessageType")).isEqualTo("ProcessingReport");
        assertThat(text(root, "MerchantIdentifier")).isEqualTo(US_SELLER);
        assertThat(text(root, "DocumentTransactionID")).isEqualTo(feedId);
        assertThat(text(root, "StatusCode")).isEqualTo("Complete");
        assertThat(text(root, "MessagesProcessed")).isEqualTo("2");
        assertThat(text(root, "MessagesSuccessful")).isEqualTo("1");
        assertThat(text(root, "MessagesWithError")).isEqualTo("1");
        assertThat(text(root, "MessagesWithWarning")).isEqualTo("0");
        List<Element> results = results(report);
        assertThat(results).hasSize(1);
        assertThat(text(results.get(0), "MessageID")).isEqualTo("2");
        assertThat(text(results.get(0), "ResultCode")).isEqualTo("Error");
        assertThat(text(results.get(0), "ResultMessageCode")).isEqualTo("18028");
        assertThat(text(results.get(0), "ResultDescription")).contains("113-0000000-0000000").contains("not found");
        assertThat(text(results.get(0), "AmazonOrderID")).isEqualTo("113-0000000-0000000");

        // what a user looks at to see the refund reached Amazon
        JsonNode listed = inspectedFeed(feedId);
        assertThat(listed.get("sellerId").stringValue()).isEqualTo(US_SELLER);
        assertThat(listed.get("processingStatus").stringValue()).isEqualTo("DONE");
        assertThat(listed.get("feedDocumentId").stringValue()).startsWith("amzn1.tortuga.");
        JsonNode accepted = listed.get("adjustments").get(0);
        assertThat(accepted.get("messageId").intValue()).isEqualTo(1);
        assertThat(accepted.get("amazonOrderId").stringValue()).isEqualTo(CHEAP_ORDER);
        assertThat(accepted.get("result").stringValue()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("error").isNull()).isTrue();
        JsonNode adjusted = accepted.get("items").get(0);
        assertThat(adjusted.get("amazonOrderItemCode").stringValue()).isEqualTo(CHEAP_ITEM);
        assertThat(adjusted.get("merchantAdjustmentItemId").stringValue()).isEqualTo("ADJ-" + CHEAP_ITEM);
        assertThat(adjusted.get("adjustmentReason").stringValue()).isEqualTo("CustomerReturn");
        assertThat(adjusted.get("components")).hasSize(3);
        assertThat(adjusted.get("components").get(0).get("type").stringValue()).isEqualTo("Principal");
        assertThat(adjusted.get("components").get(0).get("amount").decimalValue()).isEqualByComparingTo("9.99");
        assertThat(adjusted.get("components").get(0).get("currency").stringValue()).isEqualTo("USD");
        JsonNode rejected = listed.get("adjustments").get(1);
        assertThat(rejected.get("result").stringValue()).isEqualTo("REJECTED");
        assertThat(rejected.get("error").get("code").stringValue()).isEqualTo("18028");
        assertThat(rejected.get("error").get("description").stringValue()).contains("not found");

        JsonNode order = http.get("/sandbox/amazon/orders/" + CHEAP_ORDER).json();
        assertThat(order.get("items").get(0).get("refunded").stringValue()).isEqualTo("14.78");
        assertThat(http.get("/sandbox/amazon/feeds?orderId=" + CHEAP_ORDER).json()).hasSize(1);
        assertThat(http.get("/sandbox/amazon/feeds?sellerId=" + JP_SELLER).json()).isEmpty();
    }

    @Test
    void refundsAddUpAcrossFeedsAndNeverExceedWhatWasCharged() {
        String token = accessToken(US_REFRESH_TOKEN);
        // the speaker: 34.99 + 4.99 shipping + 2.80 tax = 42.78; a partial refund first, then too much
        String partial = submit(token, US, envelope(US_SELLER, message(1, TWO_ITEM_ORDER,
                item(SPEAKER, "CustomerReturn", component("Principal", "30.00", "USD")),
                item(CABLES, "CustomerReturn", component("Principal", "17.98", "USD"),
                        component("Tax", "1.44", "USD")))));
        assertThat(pollUntilDone(token, partial).get("processingStatus").stringValue()).isEqualTo("DONE");
        String tooMuch = submit(token, US, envelope(US_SELLER,
                message(1, TWO_ITEM_ORDER, item(SPEAKER, "CustomerReturn", component("Principal", "12.79", "USD"))),
                message(2, TWO_ITEM_ORDER, item(SPEAKER, "CustomerReturn", component("Principal", "12.78", "USD"),
                        component("RestockingFee", "-1.00", "USD")))));
        Document report = processingReport(token, pollUntilDone(token, tooMuch));
        List<Element> results = results(report);
        assertThat(results).hasSize(1);
        assertThat(text(results.get(0), "MessageID")).isEqualTo("1");
        assertThat(text(results.get(0), "ResultMessageCode")).isEqualTo("18035");
        assertThat(text(results.get(0), "ResultDescription")).contains("42.79").contains("42.78")
                .contains("30.00 is already refunded");
        JsonNode items = http.get("/sandbox/amazon/orders/" + TWO_ITEM_ORDER).json().get("items");
        assertThat(items.get(0).get("refunded").stringValue()).isEqualTo("41.78");
        assertThat(items.get(1).get("refunded").stringValue()).isEqualTo("19.42");
    }

    @Test
    void japanRefusesATaxComponent() {
        String token = accessToken(JP_REFRESH_TOKEN);
        String feedId = submit(token, JP, envelope(JP_SELLER,
                message(1, JP_ORDER, item(JP_ITEM, "CustomerReturn", component("Principal", "2709", "JPY"),
                        component("Tax", "271", "JPY"))),
                message(2, JP_ORDER, item(JP_ITEM, "CustomerReturn", component("Principal", "2980", "JPY"),
                        component("Shipping", "500", "JPY")))));
        List<Element> results = results(processingReport(token, pollUntilDone(token, feedId)));
        assertThat(results).hasSize(1);
        assertThat(text(results.get(0), "MessageID")).isEqualTo("1");
        assertThat(text(results.get(0), "ResultMessageCode")).isEqualTo("18033");
        assertThat(text(results.get(0), "ResultDescription")).contains("Tax").contains("A1VC38T7YXB528");
        assertThat(http.get("/sandbox/amazon/orders/" + JP_ORDER).json().get("items").get(0).get("refunded")
                .stringValue()).isEqualTo("3480");
    }

    @Test
    void theRejectHookFailsEveryMessageForItsOrder() {
        String token = accessToken(US_REFRESH_TOKEN);
        // the seed already rejects one order; the hook adds another with its own words
        Http.Reply hook = http.post("/sandbox/amazon/feeds/reject-order/" + CHEAP_ORDER,
                Map.of("description", "The buyer already got a refund from customer service."));
        assertThat(hook.status()).isEqualTo(200);
        String feedId = submit(token, US, envelope(US_SELLER,
                message(1, REJECTED_ORDER, item("55630912087701", "CustomerReturn",
                        component("Principal", "24.99", "USD"))),
                message(2, CHEAP_ORDER, item(CHEAP_ITEM, "CustomerReturn", component("Principal", "9.99", "USD")))));
        List<Element> results = results(processingReport(token, pollUntilDone(token, feedId)));
        assertThat(results).hasSize(2);
        assertThat(text(results.get(0), "ResultMessageCode")).isEqualTo("18050");
        assertThat(text(results.get(0), "ResultDescription")).contains("A-to-z Guarantee claim");
        assertThat(text(results.get(1), "ResultDescription"))
                .isEqualTo("The buyer already got a refund from customer service.");

        assertThat(http.delete("/sandbox/amazon/feeds/reject-order/" + CHEAP_ORDER).json().get("wasRejected")
                .booleanValue()).isTrue();
        String retried = submit(token, US, envelope(US_SELLER,
                message(1, CHEAP_ORDER, item(CHEAP_ITEM, "CustomerReturn", component("Principal", "9.99", "USD")))));
        assertThat(results(processingReport(token, pollUntilDone(token, retried)))).isEmpty();
    }

    @Test
    void anUnreadableDocumentEndsFatalWithAProcessingReport() {
        String token = accessToken(US_REFRESH_TOKEN);
        String broken = submit(token, US, "<AmazonEnvelope><Header><MerchantIdentifier>x</MerchantIdentifier>");
        JsonNode feed = pollUntilDone(token, broken);
        assertThat(feed.get("processingStatus").stringValue()).isEqualTo("FATAL");
        Document report = processingReport(token, feed);
        assertThat(text(report.getDocumentElement(), "MessagesProcessed")).isEqualTo("0");
        assertThat(text(report.getDocumentElement(), "MessagesWithError")).isEqualTo("1");
        List<Element> results = results(report);
        assertThat(text(results.get(0), "MessageID")).isEqualTo("0");
        assertThat(text(results.get(0), "ResultDescription")).contains("XML Parsing Fatal Error");

        String doctype = submit(token, US, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]><AmazonEnvelope>&e;</AmazonEnvelope>");
        assertThat(pollUntilDone(token, doctype).get("processingStatus").stringValue()).isEqualTo("FATAL");
        String otherType = submit(token, US, envelope(US_SELLER, "").replace("OrderAdjustment", "OrderFulfillment"));
        JsonNode wrongType = pollUntilDone(token, otherType);
        assertThat(wrongType.get("processingStatus").stringValue()).isEqualTo("FATAL");
        assertThat(text(processingReport(token, wrongType).getDocumentElement(), "ResultDescription"))
                .contains("OrderAdjustment");
        assertThat(inspectedFeed(otherType).get("fatalError").stringValue()).contains("OrderFulfillment");
    }

    @Test
    void createFeedRefusesOtherFeedTypesAndDocumentsNotUploaded() {
        String token = accessToken(US_REFRESH_TOKEN);
        String uploaded = upload(token, envelope(US_SELLER, message(1, CHEAP_ORDER, item(CHEAP_ITEM,
                "CustomerReturn", component("Principal", "1.00", "USD")))));
        Http.Reply otherType = spPost(token, FEEDS + "/feeds", Map.of("feedType", "POST_ORDER_FULFILLMENT_DATA",
                "marketplaceIds", List.of(US), "inputFeedDocumentId", uploaded));
        assertThat(otherType.status()).isEqualTo(400);
        assertThat(firstError(otherType).get("code").stringValue()).isEqualTo("InvalidInput");
        Http.Reply unknown = spPost(token, FEEDS + "/feeds", Map.of("feedType", "POST_PAYMENT_ADJUSTMENT_DATA",
                "marketplaceIds", List.of(US), "inputFeedDocumentId", "amzn1.tortuga.4.na.nothing"));
        assertThat(unknown.status()).isEqualTo(400);
        String empty = spPost(token, FEEDS + "/documents", Map.of("contentType", "text/xml; charset=UTF-8")).json()
                .get("feedDocumentId").stringValue();
        Http.Reply notUploaded = spPost(token, FEEDS + "/feeds", Map.of("feedType", "POST_PAYMENT_ADJUSTMENT_DATA",
                "marketplaceIds", List.of(US), "inputFeedDocumentId", empty));
        assertThat(notUploaded.status()).isEqualTo(400);
        assertThat(firstError(notUploaded).get("message").stringValue()).contains("not been uploaded");
        Http.Reply otherSeller = spPost(accessToken(JP_REFRESH_TOKEN), FEEDS + "/feeds", Map.of("feedType",
                "POST_PAYMENT_ADJUSTMENT_DATA", "marketplaceIds", List.of(JP), "inputFeedDocumentId", uploaded));
        assertThat(otherSeller.status()).isEqualTo(400);
        assertThat(spPost(token, FEEDS + "/documents", Map.of()).status()).isEqualTo(400);
        assertThat(http.get("/sandbox/amazon/feeds").json()).isEmpty();
    }

    @Test
    void anUploadUrlExpiresAndWorksForPutOnly() {
        String token = accessToken(US_REFRESH_TOKEN);
        JsonNode doc = spPost(token, FEEDS + "/documents", Map.of("contentType", "text/xml; charset=UTF-8")).json();
        String url = doc.get("url").stringValue();
        assertThat(http.get(url).status()).isEqualTo(403);
        advance(Duration.ofMinutes(5));
        Http.Reply expired = http.put(url, "<x/>".getBytes(StandardCharsets.UTF_8), "text/xml; charset=UTF-8");
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.text()).contains("<Code>AccessDenied</Code><Message>Request has expired</Message>");
        Http.Reply notUploaded = spPost(token, FEEDS + "/feeds", Map.of("feedType", "POST_PAYMENT_ADJUSTMENT_DATA",
                "marketplaceIds", List.of(US), "inputFeedDocumentId", doc.get("feedDocumentId").stringValue()));
        assertThat(notUploaded.status()).isEqualTo(400);
    }

    @Test
    void anUploadUrlSignsTheContentTypeGivenToCreateFeedDocument() {
        String token = accessToken(US_REFRESH_TOKEN);
        JsonNode doc = spPost(token, FEEDS + "/documents", Map.of("contentType", "text/xml; charset=UTF-8")).json();
        String url = doc.get("url").stringValue();
        assertThat(url).contains("X-Amz-SignedHeaders=content-type%3Bhost");
        byte[] xml = envelope(US_SELLER, message(1, CHEAP_ORDER, item(CHEAP_ITEM, "CustomerReturn",
                component("Principal", "1.00", "USD")))).getBytes(StandardCharsets.UTF_8);

        for (String other : List.of("application/xml", "text/xml", "text/xml;charset=UTF-8",
                "text/xml; charset=utf-8", "application/octet-stream")) {
            Http.Reply refused = http.put(url, xml, other);
            assertThat(refused.status()).as(other).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/xml");
            assertThat(refused.text()).as(other).contains("<Error><Code>SignatureDoesNotMatch</Code><Message>The "
                    + "request signature we calculated does not match the signature you provided. Check your key and "
                    + "signing method.</Message>");
        }
        // claiming that only the host was signed does not help
        Http.Reply hostOnly = http.put(url.replace("X-Amz-SignedHeaders=content-type%3Bhost",
                "X-Amz-SignedHeaders=host"), xml, "application/xml");
        assertThat(hostOnly.status()).isEqualTo(403);
        assertThat(hostOnly.text()).contains("<Code>SignatureDoesNotMatch</Code>");
        Http.Reply noHeaders = http.put(url.replace("X-Amz-SignedHeaders=content-type%3Bhost&", ""), xml,
                "text/xml; charset=UTF-8");
        assertThat(noHeaders.status()).isEqualTo(403);
        assertThat(noHeaders.text()).contains("<Code>AccessDenied</Code>");

        // S3 trims a signed header's value and makes runs of spaces one
        Http.Reply uploaded = http.put(url, xml, "text/xml;  charset=UTF-8 ");
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(200);
        assertThat(uploaded.header("ETag")).isNotBlank();

        // another document's URL binds the content type it was created with
        String tsv = spPost(token, FEEDS + "/documents", Map.of("contentType", "text/tab-separated-values; "
                + "charset=UTF-8")).json().get("url").stringValue();
        assertThat(http.put(tsv, xml, "text/xml; charset=UTF-8").status()).isEqualTo(403);
        assertThat(http.put(tsv, "a\tb".getBytes(StandardCharsets.UTF_8), "text/tab-separated-values; charset=UTF-8")
                .status()).isEqualTo(200);
        // download URLs sign the host only: a GET sends no Content-Type
        assertThat(spGet(token, FEEDS + "/documents/" + doc.get("feedDocumentId").stringValue()).json().get("url")
                .stringValue()).contains("X-Amz-SignedHeaders=host&");
    }

    @Test
    void getFeedsFindsAFeedWhoseAnswerWasLost() {
        String token = accessToken(US_REFRESH_TOKEN);
        String before = now().toString();
        String feedId = submit(token, US, envelope(US_SELLER, message(1, CHEAP_ORDER, item(CHEAP_ITEM,
                "CustomerReturn", component("Principal", "9.99", "USD")))));
        Http.Reply listed = spGet(token, FEEDS + "/feeds?feedTypes=POST_PAYMENT_ADJUSTMENT_DATA&createdSince="
                + before);
        assertThat(listed.status()).isEqualTo(200);
        JsonNode feeds = listed.json().get("feeds");
        assertThat(feeds).hasSize(1);
        assertThat(feeds.get(0).get("feedId").stringValue()).isEqualTo(feedId);
        assertThat(feeds.get(0).get("processingStatus").stringValue()).isEqualTo("IN_QUEUE");
        assertThat(feeds.get(0).get("feedType").stringValue()).isEqualTo("POST_PAYMENT_ADJUSTMENT_DATA");

        advance(Duration.ofSeconds(1));
        String later = now().toString();
        assertThat(spGet(token, FEEDS + "/feeds?feedTypes=POST_PAYMENT_ADJUSTMENT_DATA&createdSince=" + later)
                .json().get("feeds")).isEmpty();
        assertThat(spGet(accessToken(JP_REFRESH_TOKEN), FEEDS + "/feeds?feedTypes=POST_PAYMENT_ADJUSTMENT_DATA")
                .json().get("feeds")).isEmpty();
        Http.Reply noTypes = spGet(token, FEEDS + "/feeds");
        assertThat(noTypes.status()).isEqualTo(400);
        assertThat(firstError(noTypes).get("message").stringValue()).contains("feedTypes");
    }

    @Test
    void theFinancesApiListsTheAcceptedAdjustmentsOfAnOrderAsRefundEventsPageByPage() {
        String token = accessToken(US_REFRESH_TOKEN);
        String finances = "/finances/v0/orders/" + CHEAP_ORDER + "/financialEvents";
        assertThat(spGet(token, finances).json().get("payload").get("FinancialEvents").get("RefundEventList"))
                .as("nothing refunded yet").isEmpty();
        submit(token, US, envelope(US_SELLER, message(1, CHEAP_ORDER, item(CHEAP_ITEM, "CustomerReturn",
                component("Principal", "4.00", "USD"), component("Shipping", "1.50", "USD")))));
        advance(Duration.ofMinutes(1));
        submit(token, US, envelope(US_SELLER, message(1, CHEAP_ORDER, item(CHEAP_ITEM, "CustomerReturn",
                component("Principal", "2.00", "USD")))));
        http.post("/sandbox/amazon/feeds/reject-order/" + CHEAP_ORDER, Map.of("code", "18050", "description", "no"));
        submit(token, US, envelope(US_SELLER, message(1, CHEAP_ORDER, item(CHEAP_ITEM, "CustomerReturn",
                component("Principal", "3.00", "USD")))));

        Http.Reply first = spGet(token, finances + "?MaxResultsPerPage=1");
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        JsonNode event = first.json().get("payload").get("FinancialEvents").get("RefundEventList").get(0);
        assertThat(event.get("AmazonOrderId").stringValue()).isEqualTo(CHEAP_ORDER);
        JsonNode item = event.get("ShipmentItemAdjustmentList").get(0);
        assertThat(item.get("SellerSKU").stringValue()).isEqualTo("CASE-IP15-CLR");
        JsonNode principal = item.get("ItemChargeAdjustmentList").get(0);
        assertThat(principal.get("ChargeType").stringValue()).isEqualTo("Principal");
        assertThat(principal.get("ChargeAmount").get("CurrencyCode").stringValue()).isEqualTo("USD");
        assertThat(principal.get("ChargeAmount").get("CurrencyAmount").decimalValue()).isEqualByComparingTo("-4.00");
        String nextToken = first.json().get("payload").get("NextToken").stringValue();

        JsonNode second = spGet(token, finances + "?MaxResultsPerPage=1&NextToken=" + nextToken).json().get("payload");
        assertThat(second.has("NextToken")).as("the rejected adjustment is no refund").isFalse();
        assertThat(second.get("FinancialEvents").get("RefundEventList").get(0).get("ShipmentItemAdjustmentList")
                .get(0).get("ItemChargeAdjustmentList").get(0).get("ChargeAmount").get("CurrencyAmount")
                .decimalValue()).isEqualByComparingTo("-2.00");
    }

    @Test
    void theFinancesApiAnswersAnUnknownOrAnotherSellersOrderAndAMissingTokenAsAmazonDoes() {
        Http.Reply unknown = spGet(accessToken(US_REFRESH_TOKEN), "/finances/v0/orders/113-0000000-0000000/financialEvents");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(firstError(unknown).get("code").stringValue()).isEqualTo("NotFound");
        assertThat(spGet(accessToken(JP_REFRESH_TOKEN), "/finances/v0/orders/" + CHEAP_ORDER + "/financialEvents")
                .status()).isEqualTo(404);
        Http.Reply anonymous = http.get("/sandbox/amazon/sp/finances/v0/orders/" + CHEAP_ORDER + "/financialEvents");
        assertThat(anonymous.status()).isEqualTo(403);
        assertThat(firstError(anonymous).get("code").stringValue()).isEqualTo("Unauthorized");
        assertThat(http.get("/sandbox/amazon/stats").json().get("calls").get("listFinancialEventsByOrderId").asInt())
                .isEqualTo(3);
    }

}
