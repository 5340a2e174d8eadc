package com.returnsgateway.sandbox.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.returnsgateway.testsupport.Http;

import tools.jackson.databind.JsonNode;

class AmazonRateLimitTest extends AmazonSimulatorWebTest {

    private static final String ITEMS = "/orders/v0/orders/113-7720145-9981306/orderItems";

    @Test
    void aCallThatOutrunsItsBucketGets429UntilTheBucketRefills() {
        String token = accessToken(US_REFRESH_TOKEN);
        // getOrderItems: rate 0.5/s, burst shrunk to 2 for the tests
        assertThat(spGet(token, ITEMS).status()).isEqualTo(200);
        assertThat(spGet(token, ITEMS).status()).isEqualTo(200);
        Http.Reply throttled = spGet(token, ITEMS);
        assertThat(throttled.status()).isEqualTo(429);
        JsonNode error = firstError(throttled);
        assertThat(error.get("code").stringValue()).isEqualTo("QuotaExceeded");
        assertThat(error.get("message").stringValue()).isEqualTo("You exceeded your quota for the requested resource.");
        assertThat(throttled.header("x-amzn-RateLimit-Limit")).isEqualTo("0.5");
        assertThat(throttled.header("x-amzn-RequestId")).isNotBlank();

        // buckets are per seller: the Japanese seller still has its burst
        String jp = accessToken(JP_REFRESH_TOKEN);
        assertThat(spGet(jp, "/orders/v0/orders/503-3318842-7705126/orderItems").status()).isEqualTo(200);

        advance(Duration.ofMillis(1999));
        assertThat(spGet(token, ITEMS).status()).isEqualTo(429);
        advance(Duration.ofMillis(1));
        assertThat(spGet(token, ITEMS).status()).isEqualTo(200);
        assertThat(spGet(token, ITEMS).status()).isEqualTo(429);

        JsonNode stats = http.get("/sandbox/amazon/stats").json();
        assertThat(stats.get("throttled").get("getOrderItems").intValue()).isEqualTo(3);
        assertThat(stats.get("throttled").get("getOrder").intValue()).isZero();
        assertThat(stats.get("calls").get("getOrderItems").intValue()).isEqualTo(7);
        assertThat(stats.get("throttled").size()).isEqualTo(13);
    }

    @Test
    void operationsCarryAmazonsDocumentedRates() {
        String token = accessToken(US_REFRESH_TOKEN);
        Map<String, String> expected = Map.of(
                "/reports/2021-06-30/reports/1", "2",
                "/reports/2021-06-30/documents/x", "0.0167",
                "/feeds/2021-06-30/feeds/1", "2",
                "/feeds/2021-06-30/feeds?feedTypes=POST_PAYMENT_ADJUSTMENT_DATA", "0.0222",
                "/feeds/2021-06-30/documents/x", "0.0222",
                "/reports/2021-06-30/reports?reportTypes=GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE", "0.0222",
                "/orders/v0/orders/113-7720145-9981306", "0.5",
                "/finances/v0/orders/113-7720145-9981306/financialEvents", "0.5");
        expected.forEach((path, rate) -> assertThat(spGet(token, path).header("x-amzn-RateLimit-Limit"))
                .as(path).isEqualTo(rate));
        for (List<String> post : List.of(List.of("/reports/2021-06-30/reports", "0.0167"),
                List.of("/feeds/2021-06-30/feeds", "0.0083"), List.of("/feeds/2021-06-30/documents", "0.5"),
                List.of("/tokens/2021-03-01/restrictedDataToken", "1"))) {
            Http.Reply reply = spPost(token, post.get(0), Map.of());
            assertThat(reply.status()).as(post.get(0)).isEqualTo(400);
            assertThat(reply.header("x-amzn-RateLimit-Limit")).as(post.get(0)).isEqualTo(post.get(1));
        }
    }

    @Test
    void burstsFollowTheDocumentedSizes() {
        String token = accessToken(US_REFRESH_TOKEN);
        // createReport: burst 15, then one every minute (0.0167/s)
        Map<String, Object> spec = Map.of("reportType", "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE",
                "marketplaceIds", List.of(US), "dataStartTime", now().minus(Duration.ofDays(1)).toString(),
                "dataEndTime", now().toString());
        for (int i = 0; i < 15; i++) {
            assertThat(spPost(token, "/reports/2021-06-30/reports", spec).status()).as("call " + i).isEqualTo(202);
        }
        assertThat(spPost(token, "/reports/2021-06-30/reports", spec).status()).isEqualTo(429);
        advance(Duration.ofSeconds(60));
        assertThat(spPost(token, "/reports/2021-06-30/reports", spec).status()).isEqualTo(202);
        assertThat(http.get("/sandbox/amazon/stats").json().get("throttled").get("createReport").intValue())
                .isEqualTo(1);
    }

    @Test
    void getReportsHasABurstOfTenAndRefillsAt0_0222PerSecond() {
        String token = accessToken(US_REFRESH_TOKEN);
        String list = "/reports/2021-06-30/reports?reportTypes=GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE";
        for (int i = 0; i < 10; i++) {
            assertThat(spGet(token, list).status()).as("call " + i).isEqualTo(200);
        }
        Http.Reply throttled = spGet(token, list);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(firstError(throttled).get("code").stringValue()).isEqualTo("QuotaExceeded");
        advance(Duration.ofSeconds(45)); // 45 s x 0.0222/s is just short of one token
        assertThat(spGet(token, list).status()).isEqualTo(429);
        advance(Duration.ofSeconds(1));
        assertThat(spGet(token, list).status()).isEqualTo(200);
        assertThat(http.get("/sandbox/amazon/stats").json().get("throttled").get("getReports").intValue())
                .isEqualTo(2);
    }
}
