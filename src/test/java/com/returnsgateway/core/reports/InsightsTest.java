package com.returnsgateway.core.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnsgateway.core.cases.CaseRepository;
import com.returnsgateway.core.intercept.InterceptRepository;
import com.returnsgateway.core.model.Address;
import com.returnsgateway.core.model.Buyer;
import com.returnsgateway.core.model.InterceptOutcome;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.RefundInstruction.Kind;
import com.returnsgateway.core.model.RefundReason;
import com.returnsgateway.core.model.RefundType;
import com.returnsgateway.core.model.Resolution;
import com.returnsgateway.core.model.ReturnItem;
import com.returnsgateway.core.model.ReturnRequest;
import com.returnsgateway.core.offer.NegotiationProperties;
import com.returnsgateway.core.offer.NegotiationProperties.Cost;
import com.returnsgateway.core.refund.RefundRepository;
import com.returnsgateway.core.reports.Insights.Amount;
import com.returnsgateway.core.reports.Insights.CurrencyTotal;
import com.returnsgateway.core.reports.Insights.DayRefunds;
import com.returnsgateway.core.reports.Insights.ForwarderIntercepts;
import com.returnsgateway.core.reports.Insights.Period;
import com.returnsgateway.core.reports.Insights.ReasonCount;
import com.returnsgateway.core.reports.Insights.Refusal;
import com.returnsgateway.core.reports.Insights.Report;
import com.returnsgateway.core.reports.Insights.TopSku;
import com.returnsgateway.testsupport.MigratedDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of the console's Insights page, from cases written the way the gateway writes them (its repositories,
 * on a migrated PostgreSQL). Each test uses its own long-past period, so the other tests' rows never count.
 */
class InsightsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final NegotiationProperties COSTS = new NegotiationProperties(true, new BigDecimal("0.4"),
            BigDecimal.TEN, Duration.ofDays(3), null,
            Map.of("CA", new Cost(new BigDecimal("30"), "USD"), "US", new Cost(new BigDecimal("5.90"), "USD")),
            Duration.ofMinutes(1));

    private final JdbcClient jdbc = MigratedDatabase.jdbc();
    private final CaseRepository cases = new CaseRepository(jdbc, JsonMapper.builder().build());
    private final InterceptRepository intercepts = new InterceptRepository(jdbc);
    private final RefundRepository refunds = new RefundRepository(jdbc);

    @Test
    void everyFigureOfAPeriodCountsTheTeamsDays() {
        Period week = new Period(LocalDate.of(2001, 2, 1), LocalDate.of(2001, 2, 8));
        // opened at 00:30 in Shanghai, still the day before in UTC: the team's day counts
        String a = opened("DAMAGED", "US", at("2001-02-01T00:30+08:00"),
                item("MUG", 2, "12.50", "USD"), item("PLATE", 1, "10.00", "USD"));
        intercepted(a, "4px", InterceptOutcome.Result.ACCEPTED, at("2001-02-01T00:40+08:00"));
        refunded(a, Kind.REFUND, "35.00", "USD", RefundReason.PARCEL_INTERCEPTED, at("2001-02-01T01:00+08:00"));

        String b = opened("DAMAGED", "ca", at("2001-02-02T10:00+08:00"), item("MUG", 1, "12.50", "USD"));
        intercepted(b, "4px", InterceptOutcome.Result.REJECTED, at("2001-02-02T10:05+08:00"));
        refunded(b, Kind.REFUND, "12.50", "USD", RefundReason.RETURNLESS, at("2001-02-03T23:59+08:00"));

        // no return shipping cost is configured for Germany: counted, not estimated
        String c = opened("WRONG_SIZE", "DE", at("2001-02-03T09:00+08:00"), item("SHIRT", 1, "20.00", "EUR"));
        refunded(c, Kind.REFUND, "20.00", "EUR", RefundReason.RETURNLESS, at("2001-02-03T10:00+08:00"));

        // no reason given; the intercept never answered; a reship moves no money
        String d = opened(null, "US", at("2001-02-04T09:00+08:00"), item("MUG", 1, "11.00", "EUR"));
        intercepted(d, "yunexpress", null, at("2001-02-04T09:01+08:00"));
        refunded(d, Kind.RESHIP, "11.00", "EUR", RefundReason.PARCEL_LOST, at("2001-02-04T10:00+08:00"));

        // a refund not sent yet is not a refund yet
        String e = opened("DAMAGED", "US", at("2001-02-07T23:59+08:00"), item("CUP", 1, "8.00", "USD"));
        refunded(e, Kind.REFUND, "8.00", "USD", RefundReason.RETURNLESS, null);

        // before and after the period: a case opened the evening before, refunded the first moment after
        String f = opened("DAMAGED", "US", at("2001-01-31T23:59+08:00"), item("MUG", 1, "12.50", "USD"));
        intercepted(f, "4px", InterceptOutcome.Result.ACCEPTED, at("2001-01-31T23:59:30+08:00"));
        refunded(f, Kind.REFUND, "12.50", "USD", RefundReason.RETURNLESS, at("2001-02-08T00:00+08:00"));

        Report report = insights(SHANGHAI).report(week);

        assertThat(report.reasons()).containsExactly(new ReasonCount("DAMAGED", 3), new ReasonCount("", 1),
                new ReasonCount("WRONG_SIZE", 1));
        assertThat(report.returns()).isEqualTo(5);
        assertThat(report.topSkus()).containsExactly(
                new TopSku("MUG", 3, 4, List.of(amount("EUR", "11"), amount("USD", "37.5"))),
                new TopSku("CUP", 1, 1, List.of(amount("USD", "8"))),
                new TopSku("PLATE", 1, 1, List.of(amount("USD", "10"))),
                new TopSku("SHIRT", 1, 1, List.of(amount("EUR", "20"))));
        assertThat(report.intercepts()).containsExactly(new ForwarderIntercepts("4px", 2, 1, 1, 0),
                new ForwarderIntercepts("yunexpress", 1, 0, 0, 1));
        assertThat(report.intercepts().get(0).ratePercent()).contains(new BigDecimal("50.0"));
        assertThat(report.intercepts().get(1).ratePercent()).isEmpty();
        assertThat(report.refundsByDay()).containsExactly(
                new DayRefunds(LocalDate.of(2001, 2, 1), "USD", 1, new BigDecimal("35")),
                new DayRefunds(LocalDate.of(2001, 2, 3), "EUR", 1, new BigDecimal("20")),
                new DayRefunds(LocalDate.of(2001, 2, 3), "USD", 1, new BigDecimal("12.5")));
        assertThat(report.refundTotals()).containsExactly(new CurrencyTotal("EUR", 1, new BigDecimal("20")),
                new CurrencyTotal("USD", 2, new BigDecimal("47.5")));
        // the goods of the accepted intercept stayed with the seller: 2 x 12.50 + 10.00
        assertThat(report.keptByIntercepts()).isEqualTo(new Insights.KeptByIntercepts(1, List.of(amount("USD", "35"))));
        // Canada's return would have cost 30 USD; Germany's has no estimate
        assertThat(report.keptByReturnless()).isEqualTo(new Insights.KeptByReturnless(2, List.of(amount("USD", "30")),
                1));
    }

    @Test
    void aTeamDayGivenAsAnOffsetIsCountedEastOfUtc() {
        // PostgreSQL would read '+08:00' in AT TIME ZONE as 8 hours west: the day boundaries come from Java instead
        String refund = opened("DAMAGED", "US", at("2001-05-02T01:00+08:00"), item("MUG", 1, "9.00", "USD"));
        refunded(refund, Kind.REFUND, "9.00", "USD", RefundReason.RETURNLESS, at("2001-05-02T01:00+08:00"));

        Report report = insights(ZoneOffset.ofHours(8)).report(new Period(LocalDate.of(2001, 5, 1),
                LocalDate.of(2001, 5, 3)));

        assertThat(report.refundsByDay()).containsExactly(
                new DayRefunds(LocalDate.of(2001, 5, 2), "USD", 1, new BigDecimal("9")));
        assertThat(report.reasons()).containsExactly(new ReasonCount("DAMAGED", 1));
    }

    @Test
    void anEmptyPeriodHasNoFiguresButZeros() {
        Report report = insights(SHANGHAI).report(new Period(LocalDate.of(1999, 1, 1), LocalDate.of(1999, 1, 2)));

        assertThat(report.returns()).isZero();
        assertThat(report.topSkus()).isEmpty();
        assertThat(report.intercepts()).isEmpty();
        assertThat(report.refundTotals()).isEmpty();
        assertThat(report.keptByIntercepts()).isEqualTo(new Insights.KeptByIntercepts(0, List.of()));
        assertThat(report.keptByReturnless()).isEqualTo(new Insights.KeptByReturnless(0, List.of(), 0));
    }

    @Test
    void aPeriodEndsAfterItBeginsAndLastsAYearAtMost() {
        LocalDate day = LocalDate.of(2024, 1, 1);
        assertThat(Period.refusal(day, day)).contains(Refusal.REVERSED);
        assertThat(Period.refusal(day, day.minusDays(1))).contains(Refusal.REVERSED);
        assertThat(Period.refusal(day, day.plusDays(366))).isEmpty();
        assertThat(Period.refusal(day, day.plusDays(367))).contains(Refusal.TOO_LONG);
        assertThatThrownBy(() -> new Period(day, day.minusDays(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be after 'from'");
        assertThat(new Period(day, day.plusDays(7)).lastDay()).isEqualTo(LocalDate.of(2024, 1, 7));
    }

    @Test
    void theLastDaysEndWithTodayInTheTeamsZone() {
        // 17:00 UTC on 29 November is already 30 November in Shanghai
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T17:00:00Z"), ZoneOffset.UTC);
        Insights insights = new Insights(jdbc, new ReportSettings(SHANGHAI), COSTS, clock);

        assertThat(insights.lastDays(30)).isEqualTo(new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1)));
        assertThat(insights.lastDays(7).days()).isEqualTo(7);
    }

    private Insights insights(ZoneId zone) {
        return new Insights(jdbc, new ReportSettings(zone), COSTS, Clock.systemUTC());
    }

    private String opened(String reason, String country, Instant at, ReturnItem... items) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        ReturnRequest request = new ReturnRequest("insights-test", "R-" + id, "O-" + id, at, at, Resolution.REFUND,
                RefundType.FULL, null, reason, null,
                new Buyer("Buyer " + id, "b-" + id + "@buyer.example", "en-US",
                        new Address("Buyer " + id, "1 Street", null, "Town", null, "12345", country, null)),
                List.of(items), null);
        return cases.insertIfNew("RC-INS-" + id, request, at).caseId();
    }

    private void intercepted(String caseId, String forwarder, InterceptOutcome.Result result, Instant at) {
        intercepts.insertIfAbsent(caseId, caseId + ":intercept", forwarder, "WB-" + caseId, at);
        if (result != null) {
            intercepts.recordOutcome(caseId, new InterceptOutcome(result, "X", "answer"), at.plusSeconds(60));
        }
    }

    private void refunded(String caseId, Kind kind, String amount, String currency, RefundReason reason, Instant sent) {
        refunds.insertIfAbsent(caseId, caseId + ":refund", kind, RefundType.FULL, Money.of(amount, currency), reason,
                sent == null ? Instant.now() : sent);
        if (sent != null) {
            refunds.markSent(caseId, "REF-" + caseId, sent);
        }
    }

    private static ReturnItem item(String sku, int quantity, String price, String currency) {
        return new ReturnItem(sku, sku.toLowerCase(), quantity, Money.of(price, currency));
    }

    private static Amount amount(String currency, String value) {
        return new Amount(currency, new BigDecimal(value));
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
