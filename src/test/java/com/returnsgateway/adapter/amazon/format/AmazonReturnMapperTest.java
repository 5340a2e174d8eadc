package com.returnsgateway.adapter.amazon.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.returnsgateway.adapter.amazon.AmazonOrder;
import com.returnsgateway.adapter.amazon.format.AmazonReturnMapper.Fallback;
import com.returnsgateway.core.config.TestGatewayProperties;
import com.returnsgateway.core.intake.FieldError;
import com.returnsgateway.core.intake.InvalidReturnRequestException;
import com.returnsgateway.core.intake.ReturnRequestReader;
import com.returnsgateway.core.model.Address;
import com.returnsgateway.core.model.Buyer;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.RefundType;
import com.returnsgateway.core.model.Resolution;
import com.returnsgateway.core.model.ReturnItem;
import com.returnsgateway.core.model.ReturnRequest;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

class AmazonReturnMapperTest {

    private static final String US = "ATVPDKIKX0DER";
    private static final String JP = "A1VC38T7YXB528";
    private static final Fallback FALLBACK = new Fallback("returns@seller.example", "en-US");

    private final ReturnRequestReader reader = new ReturnRequestReader(TestGatewayProperties.standard(),
            Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
    private final AmazonReturnMapper mapper = new AmazonReturnMapper();
    private final Map<String, List<ReturnReportRow>> fixture =
            AmazonReturnMapper.byReturn(ReturnsReportTest.fixture().rows());

    private ReturnRequest read(ObjectNode node) {
        return reader.read(node);
    }

    private static AmazonOrder.Item line(String sku, int quantity, String price, String currency) {
        return new AmazonOrder.Item("OI-" + sku, sku, "B0" + sku, "Title of " + sku, quantity,
                Money.of(price, currency), null, null);
    }

    @Test
    void aTwoItemReturnWithTheWholeOrderBecomesOneRequestTheReaderAccepts() {
        Address shipTo = new Address("Grace Hopper", "1 Navy Yard", "Suite 2", "Arlington", "VA", "22202", "US",
                "+1 555 0100");
        AmazonOrder order = new AmazonOrder("114-3941689-8772232", US, "grace@marketplace.amazon.com",
                "Grace B. Hopper", shipTo,
                List.of(line("MUG-RED", 2, "24.00", "USD"), line("PLATE-1", 1, "9.99", "USD")));

        ReturnRequest request = read(mapper.toReturnObject("sandbox-us", fixture.get("DhJ3sTRMA1"), order, FALLBACK));

        assertThat(request.marketplace()).isEqualTo("sandbox-us");
        assertThat(request.returnId()).isEqualTo("DhJ3sTRMA1");
        assertThat(request.orderId()).isEqualTo("114-3941689-8772232");
        assertThat(request.requestedAt()).isEqualTo(Instant.parse("2026-11-20T08:15:00Z"));
        assertThat(request.updatedAt()).isEqualTo(request.requestedAt());
        assertThat(request.resolution()).isEqualTo(Resolution.REFUND);
        assertThat(request.refundType()).isEqualTo(RefundType.FULL);
        assertThat(request.requestedRefund()).isNull();
        assertThat(request.reason()).isEqualTo("DEFECTIVE");
        assertThat(request.comment()).isEqualTo("Amazon RMA DhJ3sTRMA1; merchant RMA MR-1001; return type C-Returns;"
                + " resolution StandardRefund; Amazon reasons MUG-RED CR-DEFECTIVE, PLATE-1 CR-UNWANTED_ITEM;"
                + " label AmazonPrePaidLabel, tracking 1Z999AA10123456784 (UPS); SafeT claim SFT-100200");
        assertThat(request.items()).containsExactly(
                new ReturnItem("MUG-RED", "Red mug, 350 ml", 2, Money.of("12.00", "USD")),
                new ReturnItem("PLATE-1", "Plate \"Classic\" 10\"", 1, Money.of("9.99", "USD")));
        assertThat(request.itemsValue()).isEqualTo(Money.of("33.99", "USD"));
        assertThat(request.buyer()).isEqualTo(new Buyer("Grace B. Hopper", "grace@marketplace.amazon.com", "en-US",
                shipTo));
        assertThat(request.shipment()).isNull();
    }

    @Test
    void anOrderWithoutPersonalDataGetsTheFallbackEmailAndAnAddressTheReaderAccepts() {
        Address partial = new Address(null, null, null, "Shibuya-ku", "Tokyo", "150-0002", "JP", null);
        AmazonOrder order = new AmazonOrder("250-1234567-7654321", JP, null, null, partial,
                List.of(line("JP-MUG-01", 1, "1500", "JPY")));

        ReturnRequest request = read(mapper.toReturnObject("sandbox-jp", fixture.get("JpRMA0002"), order,
                new Fallback("returns-jp@seller.example", "en-US")));

        assertThat(request.returnId()).isEqualTo("JpRMA0002");
        assertThat(request.requestedAt()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(request.reason()).isEqualTo("NOT_AS_DESCRIBED");
        assertThat(request.items()).containsExactly(
                new ReturnItem("JP-MUG-01", "陶器のマグカップ 赤", 1, Money.of("1500", "JPY")));
        assertThat(request.buyer()).isEqualTo(new Buyer("Amazon customer", "returns-jp@seller.example", "ja-JP",
                new Address("Amazon customer", "Amazon order 250-1234567-7654321", null, "Shibuya-ku", "Tokyo",
                        "150-0002", "JP", null)));
        assertThat(request.comment()).contains("resolution RefundAtFirstScan", "Amazon reason CR-NOT_AS_DESCRIBED",
                "tracking 4921-1234-5678 (Yamato)", "SafeT claim SFT-778812");
    }

    @Test
    void theShippingAddressNameIsTheBuyersNameWhenTheOrderHasNoBuyerName() {
        Address shipTo = new Address("Hopper Household", "1 Navy Yard", null, "Arlington", null, null, "US", null);
        AmazonOrder order = new AmazonOrder("114-3941689-8772232", US, "grace@example.com", null, shipTo,
                List.of(line("MUG-RED", 2, "24.00", "USD"), line("PLATE-1", 1, "9.99", "USD")));

        ReturnRequest request = read(mapper.toReturnObject("sandbox-us", fixture.get("DhJ3sTRMA1"), order, FALLBACK));

        assertThat(request.buyer().name()).isEqualTo("Hopper Household");
        assertThat(request.buyer().address().name()).isEqualTo("Hopper Household");
    }

    @Test
    void withoutTheOrderPricesComeFromTheReportAndTheFallbackGivesEmailLocaleAndCountry() {
        ObjectNode node = mapper.toReturnObject("sandbox-us", fixture.get("EuRMA0004"), null,
                new Fallback("returns-eu@seller.example", "de-DE"));

        ReturnRequest request = read(node);

        assertThat(request.items()).containsExactly(new ReturnItem("CREME-SET",
                "Crème brûlée set – Ästhetik édition", 1, Money.of("1299.00", "EUR")));
        assertThat(request.resolution()).isEqualTo(Resolution.REPLACE);
        assertThat(request.reason()).isEqualTo("QUALITY_UNACCEPTABLE");
        assertThat(request.buyer()).isEqualTo(new Buyer("Amazon customer", "returns-eu@seller.example", "de-DE",
                new Address("Amazon customer", "Amazon order 302-5555555-2222222", null, "unknown", null, null, "DE",
                        null)));
        assertThat(request.comment()).isEqualTo("Amazon RMA EuRMA0004; merchant RMA MR-4; return type Replacement;"
                + " resolution Replace; Amazon reason CR-QUALITY_UNACCEPTABLE; label SelfShip,"
                + " tracking JJD000390007777 (DHL); A-to-Z claim; out of policy;"
                + " order details not available (prices from the returns report)");
    }

    @Test
    void anItemWithoutAnyPriceIsLeftForTheReaderToName() {
        ObjectNode node = mapper.toReturnObject("sandbox-us", fixture.get("CnRMA0003"), null, FALLBACK);

        InvalidReturnRequestException refused = catchThrowableOfType(InvalidReturnRequestException.class,
                () -> read(node));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("items[0].unitPrice");
        assertThat(node.get("items").get(0).get("title").asString()).isEqualTo("红色陶瓷杯（两只装）");
        assertThat(node.get("reason").asString()).isEqualTo("OTHER");
        assertThat(node.has("shipment")).isFalse();
    }

    @Test
    void aSkuTheOrderDoesNotHaveIsPricedFromTheReportRow() {
        AmazonOrder order = new AmazonOrder("114-3941689-8772232", US, "grace@example.com", "Grace", null,
                List.of(line("PLATE-1", 1, "9.99", "USD")));

        ReturnRequest request = read(mapper.toReturnObject("sandbox-us", fixture.get("DhJ3sTRMA1"), order, FALLBACK));

        assertThat(request.items()).extracting(ReturnItem::unitPrice)
                .containsExactly(Money.of("12.00", "USD"), Money.of("9.99", "USD"));
        assertThat(request.buyer().address()).isEqualTo(new Address("Grace", "Amazon order 114-3941689-8772232",
                null, "unknown", null, null, "US", null));
    }

    @Test
    void aUnitPriceIsTheLineTotalOverTheQuantityOrderedRoundedToTheCurrency() {
        AmazonOrder order = new AmazonOrder("114-1", US, "a@example.com", "A", null,
                List.of(line("SKU-1", 3, "10.00", "USD")));

        ReturnRequest request = read(mapper.toReturnObject("sandbox-us", List.of(row("RMA1", "SKU-1")), order,
                FALLBACK));

        assertThat(request.items().get(0).unitPrice()).isEqualTo(Money.of("3.33", "USD"));
    }

    @Test
    void aReportPriceInACurrencyThatDoesNotExistIsNamedByTheReader() {
        ReturnReportRow row = row("RMA1", "SKU-1", "Order Amount", "10.00", "Order quantity", "1",
                "Currency code", "XXY");

        InvalidReturnRequestException refused = catchThrowableOfType(InvalidReturnRequestException.class,
                () -> read(mapper.toReturnObject("sandbox-us", List.of(row), null, FALLBACK)));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("items[0].unitPrice.currency");
    }

    @ParameterizedTest
    @CsvSource({
            "CR-UNWANTED_ITEM, NO_LONGER_NEEDED",
            "CR-ORDERED_WRONG_ITEM, ORDERED_WRONG_ITEM",
            "CR-DEFECTIVE, DEFECTIVE",
            "CR-DAMAGED_BY_FC, DAMAGED",
            "CR-DAMAGED_BY_CARRIER, DAMAGED",
            "CR-NOT_AS_DESCRIBED, NOT_AS_DESCRIBED",
            "AMZ-PG-BAD-DESC, NOT_AS_DESCRIBED",
            "CR-SWITCHEROO, NOT_AS_DESCRIBED",
            "CR-QUALITY_UNACCEPTABLE, QUALITY_UNACCEPTABLE",
            "CR-MISSING_PARTS, MISSING_PARTS",
            "CR-FOUND_BETTER_PRICE, BETTER_PRICE",
            "CR-MISSED_ESTIMATED_DELIVERY, ARRIVED_LATE",
            "CR-NOT_COMPATIBLE, NOT_COMPATIBLE",
            "CR-UNAUTHORIZED_PURCHASE, UNAUTHORIZED_PURCHASE",
            "AMZ-PG-APP-TOO-SMALL, WRONG_SIZE",
            "AMZ-PG-APP-TOO-LARGE, WRONG_SIZE",
            "NO_REASON_GIVEN, OTHER",
            "cr-defective, DEFECTIVE",
            "CR-SOMETHING_NEW, CR-SOMETHING_NEW",
    })
    void amazonReasonCodesMapOntoTheGatewaysReasons(String code, String reason) {
        assertThat(mapper.reason(code)).isEqualTo(reason);
        ObjectNode node = mapper.toReturnObject("sandbox-us", List.of(row("RMA1", "SKU-1", "Return Reason", code)),
                null, FALLBACK);
        assertThat(node.get("reason").asString()).isEqualTo(reason);
    }

    @Test
    void anEmptyReasonIsOther() {
        assertThat(mapper.reason(null)).isEqualTo("OTHER");
        assertThat(mapper.reason(" ")).isEqualTo("OTHER");
    }

    @Test
    void overridesAddCodesAndReplaceDefaults() {
        AmazonReturnMapper custom = new AmazonReturnMapper(Map.of(
                "CR-UNWANTED_ITEM", "CHANGED_MIND",
                " cr-extra_code ", " EXTRA ",
                "CR-SOMETHING_NEW", "OTHER"));

        assertThat(custom.reason("CR-UNWANTED_ITEM")).isEqualTo("CHANGED_MIND");
        assertThat(custom.reason("CR-EXTRA_CODE")).isEqualTo("EXTRA");
        assertThat(custom.reason("CR-SOMETHING_NEW")).isEqualTo("OTHER");
        assertThat(custom.reason("CR-DEFECTIVE")).isEqualTo("DEFECTIVE");
        assertThat(mapper.reason("CR-UNWANTED_ITEM")).isEqualTo("NO_LONGER_NEEDED");
    }

    @Test
    void anOverrideWithoutAReasonIsRefused() {
        Map<String, String> blank = Map.of("CR-DEFECTIVE", " ");

        assertThatThrownBy(() -> new AmazonReturnMapper(blank))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CR-DEFECTIVE");
    }

    @ParameterizedTest
    @CsvSource({
            "ATVPDKIKX0DER, en-US, US",
            "A2EUQ1WTGCTBG2, en-CA, CA",
            "A1AM78C64UM0Y8, es-MX, MX",
            "A1F83G8C2ARO7P, en-GB, GB",
            "A1PA6795UKMFR9, de-DE, DE",
            "A13V1IB3VIYZZH, fr-FR, FR",
            "APJ6JRA9NG5V4, it-IT, IT",
            "A1RKKUPIHCS9HS, es-ES, ES",
            "A1805IZSGTT6HS, nl-NL, NL",
            "A1VC38T7YXB528, ja-JP, JP",
            "A39IBJ37TRP1C6, en-AU, AU",
            "A21TJRUUN4KGV, en-IN, IN",
            "UNKNOWN0000, fr-CA, CA",
    })
    void theMarketplaceGivesTheBuyersLocaleAndCountry(String marketplaceId, String locale, String country) {
        AmazonOrder order = new AmazonOrder("114-1", marketplaceId, "a@example.com", "A", null,
                List.of(line("SKU-1", 1, "10.00", "USD")));

        ReturnRequest request = read(mapper.toReturnObject("sandbox-us", List.of(row("RMA1", "SKU-1")), order,
                new Fallback("x@example.com", "fr-CA")));

        assertThat(request.buyer().locale()).isEqualTo(locale);
        assertThat(request.buyer().address().country()).isEqualTo(country);
    }

    @Test
    void theAddressCountryWinsOverTheMarketplaces() {
        Address abroad = new Address("A", "Rue 1", null, "Paris", null, "75001", "FR", null);
        AmazonOrder order = new AmazonOrder("114-1", US, "a@example.com", "A", abroad,
                List.of(line("SKU-1", 1, "10.00", "USD")));

        ReturnRequest request = read(mapper.toReturnObject("sandbox-us", List.of(row("RMA1", "SKU-1")), order,
                FALLBACK));

        assertThat(request.buyer().address().country()).isEqualTo("FR");
        assertThat(request.buyer().locale()).isEqualTo("en-US");
    }

    @Test
    void aReturnTypeSayingExchangeIsAReplacement() {
        ObjectNode node = mapper.toReturnObject("sandbox-us",
                List.of(row("RMA1", "SKU-1", "Return type", "Exchange", "Resolution", "StandardRefund")), null,
                FALLBACK);

        assertThat(node.get("resolution").asString()).isEqualTo("REPLACE");
    }

    @Test
    void aTitleLongerThanTheReaderAllowsIsShortenedAtAWholeCharacter() {
        String title = "a".repeat(198) + "😀" + "b".repeat(60);
        ReturnReportRow row = row("RMA1", "SKU-1", "Item Name", title, "Order Amount", "5", "Order quantity", "1",
                "Currency code", "USD");

        ReturnRequest request = read(mapper.toReturnObject("sandbox-us", List.of(row), null, FALLBACK));

        assertThat(request.items().get(0).title()).isEqualTo("a".repeat(198) + "…");
    }

    @Test
    void aHundredItemsWithTheirOwnReasonsStillMakeACommentTheReaderAccepts() {
        List<ReturnReportRow> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(row("RMA1", "SKU-" + "X".repeat(30) + i, "Return Reason", "CR-CODE_NUMBER_" + i,
                    "Order Amount", "5.00", "Order quantity", "1", "Currency code", "USD"));
        }

        ReturnRequest request = read(mapper.toReturnObject("sandbox-us", rows, null, FALLBACK));

        assertThat(request.items()).hasSize(100);
        assertThat(request.comment()).hasSize(4000).startsWith("Amazon RMA RMA1; Amazon reasons SKU-").endsWith("…");
    }

    @Test
    void theOrderLinesTitleIsUsedWhenTheReportHasNone() {
        AmazonOrder order = new AmazonOrder("114-1", US, "a@example.com", "A", null,
                List.of(line("SKU-1", 1, "10.00", "USD")));

        ReturnRequest request = read(mapper.toReturnObject("sandbox-us", List.of(row("RMA1", "SKU-1")), order,
                FALLBACK));

        assertThat(request.items().get(0).title()).isEqualTo("Title of SKU-1");
    }

    @Test
    void lineBreaksInTheAddressBecomeSpacesSoTheReaderAcceptsIt() {
        Address messy = new Address("Ann\nLee", "12 Main St\r\nBack door", null, "Reno", "NV", "89501", "US", null);
        AmazonOrder order = new AmazonOrder("114-1", US, "a@example.com", null, messy,
                List.of(line("SKU-1", 1, "10.00", "USD")));

        ReturnRequest request = read(mapper.toReturnObject("sandbox-us", List.of(row("RMA1", "SKU-1")), order,
                FALLBACK));

        assertThat(request.buyer().name()).isEqualTo("Ann Lee");
        assertThat(request.buyer().address().line1()).isEqualTo("12 Main St  Back door");
    }

    @Test
    void theEarliestRequestDateOfTheItemsIsTheReturnsDate() {
        List<ReturnReportRow> rows = List.of(
                row("RMA1", "SKU-1", "Return request date", "2026-11-21"),
                row("RMA1", "SKU-2", "Return request date", "2026-11-20T23:00:00Z"));

        ObjectNode node = mapper.toReturnObject("sandbox-us", rows, null, FALLBACK);

        assertThat(node.get("requestedAt").asString()).isEqualTo("2026-11-20T23:00:00Z");
        assertThat(node.get("updatedAt").asString()).isEqualTo("2026-11-20T23:00:00Z");
    }

    @Test
    void rowsAreGroupedByReturnInTheOrderTheyFirstAppear() {
        List<ReturnReportRow> rows = List.of(row("RMA-B", "S1"), row("RMA-A", "S2"), row("RMA-B", "S3"));

        Map<String, List<ReturnReportRow>> grouped = AmazonReturnMapper.byReturn(rows);

        assertThat(grouped.keySet()).containsExactly("RMA-B", "RMA-A");
        assertThat(grouped.get("RMA-B")).extracting(ReturnReportRow::merchantSku).containsExactly("S1", "S3");
        assertThat(fixture.keySet()).containsExactly("DhJ3sTRMA1", "JpRMA0002", "CnRMA0003", "EuRMA0004",
                "UsRMA0006");
    }

    @Test
    void rowsOfSeveralReturnsOrNoneOrAnotherOrderAreRefused() {
        List<ReturnReportRow> two = List.of(row("RMA-A", "S1"), row("RMA-B", "S2"));
        AmazonOrder other = new AmazonOrder("999-0", US, null, null, null, List.of());

        assertThatThrownBy(() -> mapper.toReturnObject("sandbox-us", two, null, FALLBACK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RMA-A, RMA-B");
        assertThatThrownBy(() -> mapper.toReturnObject("sandbox-us", List.of(), null, FALLBACK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no report rows");
        assertThatThrownBy(() -> mapper.toReturnObject("sandbox-us", List.of(row("RMA-A", "S1")), other, FALLBACK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order 999-0 was given");
    }

    /** A row read from a small report: order 114-1, the given RMA and SKU, one of it, plus column/value pairs. */
    private static ReturnReportRow row(String rma, String sku, String... columnsAndValues) {
        List<String> header = new ArrayList<>(List.of("Order ID", "Amazon RMA ID", "Merchant SKU", "Return quantity"));
        List<String> cells = new ArrayList<>(List.of("114-1", rma, sku, "1"));
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            header.add(columnsAndValues[i]);
            cells.add(columnsAndValues[i + 1]);
        }
        if (!header.contains("Return request date")) {
            header.add("Return request date");
            cells.add("2026-11-20T08:15:00Z");
        }
        ReturnsReport.Parsed parsed = ReturnsReport.parse(new StringReader(
                String.join("\t", header) + "\n" + String.join("\t", cells) + "\n"));
        assertThat(parsed.problems()).isEmpty();
        return parsed.rows().get(0);
    }
}
