package com.returnsgateway.sandbox.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.testsupport.Http;

import tools.jackson.databind.JsonNode;

class AmazonSeedTest extends AmazonSimulatorWebTest {

    private final JsonNode seed = Http.JSON.readTree(Path.of("config/sandbox/amazon-seed.json").toFile());

    @Test
    void definesTheTwoSellersTheGatewayIsConfiguredFor() {
        JsonNode sellers = http.get("/sandbox/amazon").json().get("sellers");
        Map<String, JsonNode> byId = new HashMap<>();
        sellers.forEach(s -> byId.put(s.get("sellerId").stringValue(), s));
        assertThat(byId.get(US_SELLER).get("account").stringValue()).isEqualTo("amazon-us");
        assertThat(byId.get(US_SELLER).get("marketplaceIds").get(0).stringValue()).isEqualTo(US);
        assertThat(byId.get(US_SELLER).get("piiRole").booleanValue()).isTrue();
        assertThat(byId.get(JP_SELLER).get("account").stringValue()).isEqualTo("amazon-jp");
        assertThat(byId.get(JP_SELLER).get("marketplaceIds").get(0).stringValue()).isEqualTo(JP);
        assertThat(byId.get(JP_SELLER).get("piiRole").booleanValue()).isFalse();
        assertThat(accessToken(US_REFRESH_TOKEN)).startsWith("Atza|");
        assertThat(accessToken(JP_REFRESH_TOKEN)).startsWith("Atza|");
    }

    @Test
    void everySeededOrderHasItsParcelAtTheForwarderAndInTheLookupFile() throws IOException {
        Set<String> lookup = new HashSet<>(Files.readAllLines(Path.of("config/sandbox/order-waybills.csv"),
                StandardCharsets.UTF_8));
        for (JsonNode order : seed.get("orders")) {
            String orderId = order.get("orderId").stringValue();
            assertThat(orderId).matches(order.get("marketplaceId").stringValue().equals(JP) ? "503-\\d{7}-\\d{7}"
                    : "113-\\d{7}-\\d{7}");
            JsonNode parcel = order.get("parcel");
            String forwarder = parcel.get("forwarder").stringValue();
            String waybill = parcel.get("waybill").stringValue();
            assertThat(lookup).as(orderId).contains(orderId + "," + forwarder + "," + waybill);
            Http.Reply atForwarder = http.get("/sandbox/forwarders/" + forwarder + "/shipments/" + waybill);
            assertThat(atForwarder.status()).as(waybill).isEqualTo(200);
            assertThat(atForwarder.json().get("status").stringValue()).isEqualTo(parcel.get("status").stringValue());
        }
    }

    @Test
    void namesAnExpectedCaseStatusForEveryReturnAndCoversTheDecisionTable() {
        JsonNode expected = seed.get("expected");
        Map<String, JsonNode> orders = new HashMap<>();
        seed.get("orders").forEach(o -> orders.put(o.get("orderId").stringValue(), o));
        Set<String> rmaIds = new HashSet<>();
        Set<String> parcelStates = new HashSet<>();
        boolean twoItems = false;
        boolean defective = false;
        boolean cheapDelivered = false;
        for (JsonNode r : seed.get("returns")) {
            String rmaId = r.get("rmaId").stringValue();
            assertThat(rmaIds.add(rmaId)).as("distinct " + rmaId).isTrue();
            assertThat(rmaId).matches("D[A-Za-z0-9]{8}RRMA");
            assertThat(expected.has(rmaId)).as("expected status of " + rmaId).isTrue();
            CaseStatus.valueOf(expected.get(rmaId).stringValue());
            JsonNode order = orders.get(r.get("orderId").stringValue());
            assertThat(order).as(r.get("orderId").stringValue()).isNotNull();
            JsonNode parcel = order.get("parcel");
            parcelStates.add(parcel.get("forwarder").stringValue() + ":" + parcel.get("status").stringValue());
            twoItems |= r.get("items").size() == 2;
            defective |= r.get("reason").stringValue().equals("CR-DEFECTIVE");
            JsonNode firstItem = order.get("items").get(0);
            if (parcel.get("status").stringValue().equals("F") && firstItem.get("currency").stringValue().equals("USD")
                    && new BigDecimal(firstItem.get("itemPrice").asString()).compareTo(new BigDecimal("15")) < 0) {
                cheapDelivered = true;
                assertThat(expected.get(rmaId).stringValue()).isEqualTo("REFUNDED");
            }
            Duration ago = AmazonJson.duration(r.get("requestedAgo").stringValue(), "requestedAgo");
            assertThat(ago).isLessThan(Duration.ofDays(1));
        }
        assertThat(expected.size()).isEqualTo(rmaIds.size());
        assertThat(twoItems).isTrue();
        assertThat(defective).isTrue();
        assertThat(cheapDelivered).isTrue();
        assertThat(parcelStates).contains("4px:P", "4px:F", "4px:C");
        Set<String> statuses = new HashSet<>();
        expected.forEach(s -> statuses.add(s.stringValue()));
        assertThat(statuses).containsExactlyInAnyOrder("REFUNDED", "AWAITING_RETURN", "AWAITING_BUYER",
                "MANUAL_REVIEW");
        // the one the feed rejects
        String rejectedOrder = seed.get("feedRejections").get(0).get("orderId").stringValue();
        seed.get("returns").forEach(r -> {
            if (r.get("orderId").stringValue().equals(rejectedOrder)) {
                assertThat(expected.get(r.get("rmaId").stringValue()).stringValue()).isEqualTo("MANUAL_REVIEW");
            }
        });
    }

    @Test
    void theSandboxWideResetAlsoResetsTheAmazonSimulatorAndReseedsIt() {
        Http.Reply added = http.post("/sandbox/amazon/returns", java.util.Map.of("orderId", "113-7720145-9981306",
                "items", java.util.List.of(java.util.Map.of("sku", "HP-ANC-900", "quantity", 1))));
        assertThat(added.status()).isEqualTo(201);
        assertThat(http.get("/sandbox/amazon").json().get("returns").intValue()).isEqualTo(8);

        assertThat(http.post("/sandbox/reset?reseed=true", "").status()).isEqualTo(200);
        JsonNode info = http.get("/sandbox/amazon").json();
        assertThat(info.get("returns").intValue()).isEqualTo(seed.get("returns").size());
        assertThat(info.get("sellers")).hasSize(2);
        assertThat(http.get("/sandbox/forwarders/4px/shipments/4PX3002400101CN").status()).isEqualTo(200);

        assertThat(http.post("/sandbox/reset", "").status()).isEqualTo(200);
        assertThat(http.get("/sandbox/amazon").json().get("sellers")).isEmpty();
    }

    @Test
    void japaneseOrdersHaveJapaneseTitlesAndYenPrices() {
        for (JsonNode order : seed.get("orders")) {
            if (!order.get("marketplaceId").stringValue().equals(JP)) {
                continue;
            }
            assertThat(order.get("sellerId").stringValue()).isEqualTo(JP_SELLER);
            for (JsonNode item : order.get("items")) {
                assertThat(item.get("currency").stringValue()).isEqualTo("JPY");
                assertThat(item.get("title").stringValue()).containsPattern("[\\u3040-\\u30ff\\u4e00-\\u9fff]");
                assertThat(item.get("itemPrice").isIntegralNumber()).isTrue();
            }
        }
        JsonNode returns = http.get("/sandbox/amazon/returns").json();
        assertThat(returns).hasSize(seed.get("returns").size());
        returns.forEach(r -> assertThat(r.get("requestedAt").stringValue()).endsWith("+00:00"));
    }
}
