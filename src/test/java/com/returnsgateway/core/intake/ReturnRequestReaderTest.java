package com.returnsgateway.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.returnsgateway.core.config.TestGatewayProperties;
import com.returnsgateway.core.model.Address;
import com.returnsgateway.core.model.Buyer;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.RefundType;
import com.returnsgateway.core.model.Resolution;
import com.returnsgateway.core.model.ReturnItem;
import com.returnsgateway.core.model.ReturnRequest;
import com.returnsgateway.core.model.ShipmentRef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class ReturnRequestReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final ReturnRequestReader reader =
            new ReturnRequestReader(TestGatewayProperties.standard(), Clock.fixed(NOW, ZoneOffset.UTC));

    /** Every field the reader knows, set; items worth 2 x 12.00 + 1 x 9.99 = 33.99 USD. */
    private static final String FULL = """
            {
              "marketplace": "sandbox-us",
              "returnId": "R-1001",
              "orderId": "113-5550001-0000001",
              "requestedAt": "2026-11-26T08:30:00Z",
              "updatedAt": "2026-11-26T09:15:00Z",
              "resolution": "REPLACE",
              "refundType": "PARTIAL",
              "requestedRefund": {"amount": "10.50", "currency": "USD"},
              "reason": "Arrived damaged",
              "comment": "  The box was crushed.\\nPlease send a new one.  ",
              "buyer": {
                "name": "Ada Lovelace",
                "email": "ada.lovelace+returns@example.co.uk",
                "locale": "en-GB",
                "address": {
                  "name": "Ada L.",
                  "line1": "12 St James's Square",
                  "line2": "Flat 3",
                  "city": "London",
                  "region": "Greater London",
                  "postalCode": "SW1Y 4JH",
                  "country": "GB",
                  "phone": "+44 20 7946 0000"
                }
              },
              "items": [
                {"sku": "MUG-RED", "title": "Red mug", "quantity": 2, "unitPrice": {"amount": "12.00", "currency": "USD"}},
                {"sku": "PLATE-1", "title": "Plate", "quantity": 1, "unitPrice": {"amount": 9.99, "currency": "USD"}}
              ],
              "shipment": {"forwarder": "4px", "waybill": "4PX3000123456CN"}
            }
            """;

    /** Only what is required. */
    private static final String MINIMAL = """
            {
              "marketplace": "sandbox-us",
              "returnId": "R-2",
              "orderId": "O-2",
              "buyer": {
                "name": "Bob Buyer",
                "email": "bob@example.com",
                "address": {"line1": "1 Main St", "city": "Reno", "country": "US"}
              },
              "items": [{"sku": "SKU-1", "quantity": 1, "unitPrice": {"amount": "20", "currency": "USD"}}]
            }
            """;

    // ---------------------------------------------------------------- valid requests

    @Test
    void aValidFullRequestKeepsEveryField() {
        ReturnRequest request = reader.read(parse(FULL));

        ReturnRequest expected = new ReturnRequest(
                "sandbox-us", "R-1001", "113-5550001-0000001",
                Instant.parse("2026-11-26T08:30:00Z"), Instant.parse("2026-11-26T09:15:00Z"),
                Resolution.REPLACE, RefundType.PARTIAL, Money.of("10.50", "USD"),
                "Arrived damaged", "The box was crushed.\nPlease send a new one.",
                new Buyer("Ada Lovelace", "ada.lovelace+returns@example.co.uk", "en-GB",
                        new Address("Ada L.", "12 St James's Square", "Flat 3", "London", "Greater London",
                                "SW1Y 4JH", "GB", "+44 20 7946 0000")),
                List.of(new ReturnItem("MUG-RED", "Red mug", 2, Money.of("12.00", "USD")),
                        new ReturnItem("PLATE-1", "Plate", 1, Money.of("9.99", "USD"))),
                new ShipmentRef("4px", "4PX3000123456CN"));
        assertThat(request).isEqualTo(expected);
        assertThat(request.itemsValue()).isEqualTo(Money.of("33.99", "USD"));
        assertThat(request.currency()).isEqualTo("USD");
    }

    @Test
    void omittedOptionalFieldsTakeTheirDefaults() {
        ReturnRequest request = reader.read(parse(MINIMAL));

        assertThat(request.resolution()).isEqualTo(Resolution.REFUND);
        assertThat(request.refundType()).isEqualTo(RefundType.FULL);
        assertThat(request.requestedRefund()).isNull();
        assertThat(request.buyer().locale()).isEqualTo("en-US");
        assertThat(request.requestedAt()).isEqualTo(NOW);
        assertThat(request.updatedAt()).isEqualTo(NOW);
        assertThat(request.reason()).isNull();
        assertThat(request.comment()).isNull();
        assertThat(request.shipment()).isNull();
        assertThat(request.buyer().address()).isEqualTo(
                new Address(null, "1 Main St", null, "Reno", null, null, "US", null));
        assertThat(request.items()).containsExactly(new ReturnItem("SKU-1", null, 1, Money.of("20.00", "USD")));
    }

    @Test
    void updatedAtDefaultsToRequestedAt() {
        ObjectNode node = parse(MINIMAL);
        node.put("requestedAt", "2026-11-20T00:00:00Z");

        assertThat(reader.read(node).updatedAt()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
    }

    @Test
    void aRequestedRefundIsDroppedWhenTheBuyerAsksForAFullRefund() {
        ObjectNode node = parse(FULL);
        node.put("refundType", "FULL");

        ReturnRequest request = reader.read(node);

        assertThat(request.refundType()).isEqualTo(RefundType.FULL);
        assertThat(request.requestedRefund()).isNull();
    }

    @Test
    void jpyAmountsWithoutDecimalsAreAccepted() {
        ObjectNode node = parse(MINIMAL);
        node.set("items", JSON.readTree("""
                [{"sku": "TEA", "quantity": 3, "unitPrice": {"amount": "1500", "currency": "JPY"}}]"""));

        ReturnRequest request = reader.read(node);

        assertThat(request.itemsValue()).isEqualTo(Money.of("4500", "JPY"));
        assertThat(request.itemsValue().amount().scale()).isZero();
    }

    // ---------------------------------------------------------------- one field wrong

    @ParameterizedTest
    @ValueSource(strings = {"returnId", "orderId", "marketplace"})
    void aMissingIdentifierIsRequired(String field) {
        ObjectNode node = parse(FULL);
        node.remove(field);

        assertOnlyError(node, field, "is required");
    }

    @Test
    void aBlankIdentifierCountsAsMissing() {
        ObjectNode node = parse(FULL);
        node.put("returnId", "   ");

        assertOnlyError(node, "returnId", "is required");
    }

    @Test
    void anIdentifierWithSpacesIsRefused() {
        ObjectNode node = parse(FULL);
        node.put("orderId", "O 1");

        assertOnlyError(node, "orderId", "'O 1' may hold only letters, digits and . _ : / # -");
    }

    @Test
    void aMissingBuyerIsRequired() {
        ObjectNode node = parse(FULL);
        node.remove("buyer");

        assertOnlyError(node, "buyer", "is required");
    }

    @Test
    void aMissingAddressIsRequiredForTheLabel() {
        ObjectNode node = parse(FULL);
        buyer(node).remove("address");

        assertOnlyError(node, "buyer.address", "is required: the return label needs the buyer's address");
    }

    @Test
    void missingItemsAreRequired() {
        ObjectNode node = parse(FULL);
        node.remove("items");

        assertOnlyError(node, "items", "is required: at least one returned item");
    }

    @Test
    void anEmptyItemListIsRefused() {
        ObjectNode node = parse(FULL);
        node.set("items", JSON.createArrayNode());

        assertOnlyError(node, "items", "must be a non-empty array");
    }

    @Test
    void anUnknownMarketplaceNamesTheConfiguredOnes() {
        ObjectNode node = parse(FULL);
        node.put("marketplace", "sandbox-eu");

        assertOnlyError(node, "marketplace", "unknown marketplace 'sandbox-eu'; configured: sandbox-jp, sandbox-us");
    }

    @Test
    void anUnknownForwarderNamesTheConfiguredOnes() {
        ObjectNode node = parse(FULL);
        shipment(node).put("forwarder", "dhl");

        assertOnlyError(node, "shipment.forwarder", "unknown forwarder 'dhl'; configured: 4px, aftership");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4PX", "4PX 3000123456", "4PX/3000123456", "4PX_3000123456"})
    void aMalformedWaybillIsRefused(String waybill) {
        ObjectNode node = parse(FULL);
        shipment(node).put("waybill", waybill);

        assertOnlyError(node, "shipment.waybill", "must be 4 to 64 letters, digits or dashes");
    }

    @Test
    void aShipmentMayNameItsLastMileCarrierAndNumber() {
        ObjectNode node = parse(FULL);
        shipment(node).putObject("lastMile").put("number", "9400111899223344556677").put("carrier", "usps");

        ShipmentRef shipment = reader.read(node).shipment();

        assertThat(shipment.lastMileNumber()).isEqualTo("9400111899223344556677");
        assertThat(shipment.lastMileCarrier()).isEqualTo("usps");
        assertThat(shipment.hasLastMile()).isTrue();
        assertThat(reader.read(parse(FULL)).shipment().hasLastMile()).isFalse();
    }

    @Test
    void aLastMileWithoutANumberOrWithAMalformedOneIsRefused() {
        ObjectNode node = parse(FULL);
        shipment(node).putObject("lastMile").put("carrier", "usps");
        assertOnlyError(node, "shipment.lastMile.number", "is required");

        shipment(node).putObject("lastMile").put("number", "94 00");
        assertOnlyError(node, "shipment.lastMile.number", "must be 4 to 64 letters, digits or dashes");

        shipment(node).put("lastMile", "9400111899223344556677");
        assertOnlyError(node, "shipment.lastMile", "must be an object {\"number\": ..., \"carrier\": ...} (carrier optional)");
    }

    @Test
    void aQuantityInWordsIsRefused() {
        ObjectNode node = parse(FULL);
        item(node, 0).put("quantity", "two");

        assertOnlyError(node, "items[0].quantity", "must be a whole number from 1 to 999, got \"two\"");
    }

    @Test
    void aFractionalQuantityIsRefused() {
        ObjectNode node = parse(FULL);
        item(node, 1).put("quantity", 1.5);

        assertOnlyError(node, "items[1].quantity", "must be a whole number from 1 to 999, got 1.5");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1000})
    void aQuantityOutOfRangeIsRefused(int quantity) {
        ObjectNode node = parse(FULL);
        item(node, 0).put("quantity", quantity);

        assertOnlyError(node, "items[0].quantity", "must be a whole number from 1 to 999, got " + quantity);
    }

    @Test
    void aQuantityBeyondLongIsRefusedNotWrappedAround() {
        // 2^64 + 2 would wrap around to 2 if read as a long without checking
        ObjectNode node = parse(FULL.replace("\"quantity\": 2,", "\"quantity\": 18446744073709551618,"));

        assertOnlyError(node, "items[0].quantity",
                "must be a whole number from 1 to 999, got 18446744073709551618");
    }

    @Test
    void theSameSkuListedTwiceIsRefusedNamingTheSecond() {
        ObjectNode node = parse(FULL);
        item(node, 1).put("sku", "MUG-RED");

        assertOnlyError(node, "items[1].sku",
                "'MUG-RED' is also items[0]: list each order line once, with the quantity returned");
    }

    @Test
    void theQuantityOrderedIsKeptWhenGivenAndMayNotBeBelowTheQuantityReturned() {
        ObjectNode node = parse(FULL);
        item(node, 0).put("orderedQuantity", 3);
        ReturnItem mugs = reader.read(node).items().get(0);
        assertThat(mugs.orderedQuantity()).isEqualTo(3);
        assertThat(mugs.linePaid()).isEqualTo(Money.of("36.00", "USD"));

        item(node, 0).put("orderedQuantity", 1);
        assertOnlyError(node, "items[0].orderedQuantity", "is 1, fewer than the quantity returned (2)");
    }

    @Test
    void aMissingQuantityIsRequired() {
        ObjectNode node = parse(FULL);
        item(node, 0).remove("quantity");

        assertOnlyError(node, "items[0].quantity", "is required");
    }

    @Test
    void aBooleanAmountIsRefused() {
        ObjectNode node = parse(FULL);
        unitPrice(node, 0).put("amount", true);

        assertOnlyError(node, "items[0].unitPrice.amount", "must be a decimal number");
    }

    @Test
    void anAmountInWordsIsRefused() {
        ObjectNode node = parse(FULL);
        unitPrice(node, 0).put("amount", "twelve");

        assertOnlyError(node, "items[0].unitPrice.amount", "'twelve' is not a decimal number");
    }

    @Test
    void aPriceThatIsNotAnObjectShowsTheExpectedShape() {
        ObjectNode node = parse(FULL);
        item(node, 0).put("unitPrice", "12.00 USD");

        assertOnlyError(node, "items[0].unitPrice",
                "must be an object {\"amount\": \"12.34\", \"currency\": \"USD\"}");
    }

    @Test
    void aMissingPriceIsRequired() {
        ObjectNode node = parse(FULL);
        item(node, 1).remove("unitPrice");

        assertOnlyError(node, "items[1].unitPrice", "is required");
    }

    @Test
    void aNegativeAmountIsRefused() {
        ObjectNode node = parse(FULL);
        unitPrice(node, 0).put("amount", "-12.00");

        assertOnlyError(node, "items[0].unitPrice.amount", "must be between 0 and 1000000, got -12.00");
    }

    @Test
    void aZeroPriceIsRefused() {
        ObjectNode node = parse(FULL);
        unitPrice(node, 0).put("amount", "0.00");

        assertOnlyError(node, "items[0].unitPrice.amount", "must be more than zero");
    }

    @Test
    void anAbsurdAmountIsRefused() {
        ObjectNode node = parse(FULL);
        unitPrice(node, 0).put("amount", "1000000.01");

        assertOnlyError(node, "items[0].unitPrice.amount", "must be between 0 and 1000000, got 1000000.01");
    }

    @Test
    void anAmountWithAHugeExponentIsRefusedShowingWhatWasSent() {
        // used to build a billion-character plain string for the message, and run out of memory
        ObjectNode node = parse(FULL);
        unitPrice(node, 0).put("amount", "1e999999999");

        assertOnlyError(node, "items[0].unitPrice.amount", "must be between 0 and 1000000, got 1e999999999");
    }

    @Test
    void anAmountWithAHugeNegativeExponentIsRefusedShowingWhatWasSent() {
        ObjectNode node = parse(FULL);
        unitPrice(node, 0).put("amount", "1e-999999999");

        assertOnlyError(node, "items[0].unitPrice.amount", "1e-999999999 has more decimals than USD allows (2)");
    }

    @Test
    void anAmountWithThousandsOfDigitsIsRefusedBeforeItIsParsed() {
        // BigDecimal.stripTrailingZeros() is quadratic: 200,000 zeros took 15 s of CPU
        ObjectNode node = parse(FULL);
        unitPrice(node, 0).put("amount", "1." + "0".repeat(200_000));

        assertOnlyError(node, "items[0].unitPrice.amount", "is 200002 characters long; at most 40 are accepted");
    }

    @Test
    void tooManyDecimalsForTheCurrencyAreRefused() {
        ObjectNode node = parse(MINIMAL);
        node.set("items", JSON.readTree("""
                [{"sku": "TEA", "quantity": 1, "unitPrice": {"amount": "1500.5", "currency": "JPY"}}]"""));

        assertOnlyError(node, "items[0].unitPrice.amount", "1500.5 has more decimals than JPY allows (0)");
    }

    @Test
    void threeDecimalsInDollarsAreRefused() {
        ObjectNode node = parse(FULL);
        unitPrice(node, 1).put("amount", "9.995");

        assertOnlyError(node, "items[1].unitPrice.amount", "9.995 has more decimals than USD allows (2)");
    }

    @Test
    void trailingZerosDoNotCountAsDecimals() {
        ObjectNode node = parse(MINIMAL);
        node.set("items", JSON.readTree("""
                [{"sku": "TEA", "quantity": 1, "unitPrice": {"amount": "1500.00", "currency": "JPY"}}]"""));

        assertThat(reader.read(node).items().get(0).unitPrice()).isEqualTo(Money.of("1500", "JPY"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "usd", "US", "DOLLAR"})
    void anUnknownCurrencyIsRefused(String currency) {
        ObjectNode node = parse(FULL);
        node.put("refundType", "FULL");
        node.remove("requestedRefund");
        unitPrice(node, 0).put("currency", currency);

        assertOnlyError(node, "items[0].unitPrice.currency", "'" + currency + "' is not an ISO 4217 currency code");
    }

    @Test
    void aMissingCurrencyIsRequired() {
        ObjectNode node = parse(FULL);
        unitPrice(node, 0).remove("currency");

        assertOnlyError(node, "items[0].unitPrice.currency", "is required (an ISO 4217 code such as USD, EUR, JPY)");
    }

    @Test
    void itemsInDifferentCurrenciesAreRefused() {
        ObjectNode node = parse(FULL);
        unitPrice(node, 1).put("currency", "EUR");

        assertOnlyError(node, "items[1].unitPrice.currency",
                "is EUR but items[0] is priced in USD; one return has one currency");
    }

    @Test
    void theMixedCurrencyErrorNamesTheRightItemWhenAnEarlierItemIsInvalid() {
        ObjectNode node = parse(FULL);
        ArrayNode items = (ArrayNode) node.get("items");
        items.insert(0, parse("""
                {"quantity": 1, "unitPrice": {"amount": "5.00", "currency": "USD"}}"""));
        unitPrice(node, 2).put("currency", "EUR");

        List<FieldError> errors = errors(node);

        assertThat(errors).extracting(FieldError::field)
                .containsExactlyInAnyOrder("items[0].sku", "items[2].unitPrice.currency");
        assertThat(errors).filteredOn(e -> e.field().equals("items[2].unitPrice.currency"))
                .extracting(FieldError::message)
                .containsExactly("is EUR but items[0] is priced in USD; one return has one currency");
    }

    @Test
    void aPartialRefundNeedsTheRequestedAmount() {
        ObjectNode node = parse(FULL);
        node.remove("requestedRefund");

        assertOnlyError(node, "requestedRefund", "is required when refundType is PARTIAL");
    }

    @Test
    void aRequestedRefundAboveTheItemsValueIsRefused() {
        ObjectNode node = parse(FULL);
        node.set("requestedRefund", parse("{\"amount\": \"34.00\", \"currency\": \"USD\"}"));

        assertOnlyError(node, "requestedRefund.amount",
                "is 34.00, more than the returned items are worth (33.99 USD)");
    }

    @Test
    void aRequestedRefundEqualToTheItemsValueIsAccepted() {
        ObjectNode node = parse(FULL);
        node.set("requestedRefund", parse("{\"amount\": \"33.99\", \"currency\": \"USD\"}"));

        assertThat(reader.read(node).requestedRefund()).isEqualTo(Money.of("33.99", "USD"));
    }

    @Test
    void aRequestedRefundInAnotherCurrencyIsRefused() {
        ObjectNode node = parse(FULL);
        node.set("requestedRefund", parse("{\"amount\": \"10.00\", \"currency\": \"EUR\"}"));

        assertOnlyError(node, "requestedRefund.currency", "is EUR but the items are priced in USD");
    }

    @Test
    void anInvalidRequestedRefundIsNotAlsoReportedAsMissing() {
        ObjectNode node = parse(FULL);
        node.set("requestedRefund", parse("{\"amount\": \"ten\", \"currency\": \"USD\"}"));

        assertOnlyError(node, "requestedRefund.amount", "'ten' is not a decimal number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada.example.com", "ada@", "ada@example", "ada lovelace@example.com", "<ada@example.com>"})
    void anInvalidEmailIsRefused(String email) {
        ObjectNode node = parse(FULL);
        buyer(node).put("email", email);

        assertOnlyError(node, "buyer.email", "'" + email + "' is not a valid email address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada\r\nBcc: victim@example.com", "Ada\nLovelace", "Ada\u0000Lovelace", "Ada\rLovelace"})
    void controlCharactersInTheBuyerNameAreRefused(String name) {
        ObjectNode node = parse(FULL);
        buyer(node).put("name", name);

        assertOnlyError(node, "buyer.name", "contains control characters (CR, LF, NUL or similar)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com\r\nBcc: victim@example.com", "ada@example.com\nX", "ada@exa\u0000mple.com"})
    void controlCharactersInTheBuyerEmailAreRefused(String email) {
        ObjectNode node = parse(FULL);
        buyer(node).put("email", email);

        assertOnlyError(node, "buyer.email", "contains control characters (CR, LF, NUL or similar)");
    }

    @Test
    void aTooLongNameIsRefused() {
        ObjectNode node = parse(FULL);
        buyer(node).put("name", "A".repeat(201));

        assertOnlyError(node, "buyer.name", "is 201 characters long; at most 200 are accepted");
    }

    @Test
    void aNameThatIsNotAStringIsRefused() {
        ObjectNode node = parse(FULL);
        buyer(node).put("name", 42);

        assertOnlyError(node, "buyer.name", "must be a string, got 42");
    }

    @Test
    void aOneMegabyteCommentIsRefusedWithoutEchoingIt() {
        ObjectNode node = parse(FULL);
        node.put("comment", "x".repeat(1024 * 1024));

        InvalidReturnRequestException e = invalid(node);

        assertThat(e.errors()).containsExactly(
                new FieldError("comment", "is 1048576 characters long; at most 4000 are accepted"));
        assertThat(e.getMessage()).isEqualTo("comment: is 1048576 characters long; at most 4000 are accepted");
    }

    @Test
    void aCommentMayHaveLineBreaksButNoOtherControlCharacters() {
        ObjectNode node = parse(FULL);
        node.put("comment", "line one\r\nline two\tend\u0007");

        assertOnlyError(node, "comment", "contains control characters");
    }

    @Test
    void anUnknownResolutionListsTheAllowedValues() {
        ObjectNode node = parse(FULL);
        node.put("resolution", "EXCHANGE");

        assertOnlyError(node, "resolution", "'EXCHANGE' is not one of [REFUND, REPLACE]");
    }

    @Test
    void anUnknownRefundTypeListsTheAllowedValues() {
        ObjectNode node = parse(FULL);
        node.put("refundType", "half");

        assertOnlyError(node, "refundType", "'half' is not one of [FULL, PARTIAL]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "us", "ZZ"})
    void anUnknownCountryIsRefused(String country) {
        ObjectNode node = parse(FULL);
        address(node).put("country", country);

        assertOnlyError(node, "buyer.address.country",
                "'" + country + "' is not an ISO 3166 country code such as US, DE or JP");
    }

    @Test
    void aThreeLetterCountryIsRefused() {
        ObjectNode node = parse(FULL);
        address(node).put("country", "USA");

        assertOnlyError(node, "buyer.address.country", "is 3 characters long; at most 2 are accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en_US", "en--US", "e", "en US"})
    void aMalformedLocaleIsRefused(String locale) {
        ObjectNode node = parse(FULL);
        buyer(node).put("locale", locale);

        assertOnlyError(node, "buyer.locale", "'" + locale + "' is not a language tag such as en-US or ja-JP");
    }

    @Test
    void aLocaleIsNormalised() {
        ObjectNode node = parse(FULL);
        buyer(node).put("locale", "ja-jp");

        assertThat(reader.read(node).buyer().locale()).isEqualTo("ja-JP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-11-26", "2026-11-26 08:30:00", "26/11/2026"})
    void aMalformedInstantIsRefused(String value) {
        ObjectNode node = parse(FULL);
        node.put("requestedAt", value);

        assertOnlyError(node, "requestedAt",
                "'" + value + "' is not an ISO-8601 instant such as 2026-11-26T08:30:00Z");
    }

    @Test
    void aMalformedUpdatedAtIsRefused() {
        ObjectNode node = parse(FULL);
        node.put("updatedAt", 1764145800);

        assertOnlyError(node, "updatedAt",
                "'1764145800' is not an ISO-8601 instant such as 2026-11-26T08:30:00Z");
    }

    // ---------------------------------------------------------------- many things wrong

    @Test
    void everyErrorIsReportedAtOnce() {
        ObjectNode node = parse(FULL);
        node.remove("returnId");
        node.put("marketplace", "ebay");
        node.put("resolution", "EXCHANGE");
        buyer(node).put("email", "not-an-email");
        address(node).put("country", "XX");
        item(node, 0).put("quantity", "two");
        unitPrice(node, 1).put("amount", true);
        shipment(node).put("forwarder", "dhl");

        InvalidReturnRequestException e = invalid(node);

        assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "returnId", "marketplace", "resolution", "buyer.email", "buyer.address.country",
                "items[0].quantity", "items[1].unitPrice.amount", "shipment.forwarder");
        assertThat(e.getMessage())
                .contains("returnId: is required")
                .contains("marketplace: unknown marketplace 'ebay'; configured: sandbox-jp, sandbox-us")
                .contains("buyer.email: 'not-an-email' is not a valid email address")
                .contains("items[0].quantity: must be a whole number from 1 to 999, got \"two\"")
                .contains("items[1].unitPrice.amount: must be a decimal number")
                .contains("shipment.forwarder: unknown forwarder 'dhl'; configured: 4px, aftership")
                .contains("; ");
    }

    @Test
    void anItemThatIsNotAnObjectIsNamedByIndex() {
        ObjectNode node = parse(FULL);
        ((ArrayNode) node.get("items")).add("SKU-3");

        assertOnlyError(node, "items[2]", "must be an object");
    }

    // ---------------------------------------------------------------- not an object at all

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"returnId\": \"R-1\"}]", "\"R-1\"", "42", "null"})
    void aBodyThatIsNotAnObjectIsRefused(String body) {
        assertOnlyError(JSON.readTree(body), "$", "must be a JSON object describing one return request");
    }

    @Test
    void aMissingBodyIsRefused() {
        assertOnlyError(null, "$", "must be a JSON object describing one return request");
    }

    // ---------------------------------------------------------------- helpers

    private void assertOnlyError(JsonNode node, String field, String message) {
        InvalidReturnRequestException e = invalid(node);
        assertThat(e.errors()).containsExactly(new FieldError(field, message));
        assertThat(e.getMessage()).isEqualTo(field + ": " + message);
    }

    private List<FieldError> errors(JsonNode node) {
        return invalid(node).errors();
    }

    private InvalidReturnRequestException invalid(JsonNode node) {
        InvalidReturnRequestException e = catchThrowableOfType(InvalidReturnRequestException.class,
                () -> reader.read(node));
        assertThat(e).as("reading %s should fail", node).isNotNull();
        return e;
    }

    private static ObjectNode parse(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    private static ObjectNode buyer(ObjectNode node) {
        return (ObjectNode) node.get("buyer");
    }

    private static ObjectNode address(ObjectNode node) {
        return (ObjectNode) node.get("buyer").get("address");
    }

    private static ObjectNode shipment(ObjectNode node) {
        return (ObjectNode) node.get("shipment");
    }

    private static ObjectNode item(ObjectNode node, int index) {
        return (ObjectNode) node.get("items").get(index);
    }

    private static ObjectNode unitPrice(ObjectNode node, int index) {
        return (ObjectNode) item(node, index).get("unitPrice");
    }
}
