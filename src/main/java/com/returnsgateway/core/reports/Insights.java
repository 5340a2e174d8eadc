package com.returnsgateway.core.reports;

import com.returnsgateway.core.offer.NegotiationProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures behind the console's charts over a period of the team's days ({@link ReportSettings#timeZone()}): why
 * buyers return, which SKUs come back, how well each forwarder stops parcels, what was refunded each day, and what the
 * gateway kept for the seller. Read-only queries over the tables the cases write; each figure's definition is the
 * one-line comment above its query, and the console says the same under each chart.
 */
@Service
public class Insights {

    /** The longest period a page may ask for: a year, leap day included. */
    public static final int MAX_DAYS = 366;
    /** The period a page shows when it names none. */
    public static final int DEFAULT_DAYS = 30;
    /** How many SKUs the top list shows. */
    static final int TOP_SKUS = 10;

    private final JdbcClient jdbc;
    private final ReportSettings settings;
    private final NegotiationProperties negotiation;
    private final Clock clock;

    public Insights(JdbcClient jdbc, ReportSettings settings, NegotiationProperties negotiation, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.negotiation = negotiation;
        this.clock = clock;
    }

    /** Why a period cannot be shown. */
    public enum Refusal {
        /** {@code to} is not after {@code from}: nothing lies between them. */
        REVERSED,
        /** more than {@link #MAX_DAYS} days. */
        TOO_LONG
    }

    /** The team's days {@code from} (included) to {@code to} (not included). */
    public record Period(LocalDate from, LocalDate to) {

        public Period {
            Optional<Refusal> refusal = refusal(from, to);
            if (refusal.isPresent()) {
                throw new IllegalArgumentException("the period " + from + " to " + to + " is refused (" + refusal.get()
                        + "): 'to' (not included) must be after 'from', at most " + MAX_DAYS + " days later");
            }
        }

        public static Optional<Refusal> refusal(LocalDate from, LocalDate to) {
            if (!to.isAfter(from)) {
                return Optional.of(Refusal.REVERSED);
            }
            return ChronoUnit.DAYS.between(from, to) > MAX_DAYS ? Optional.of(Refusal.TOO_LONG) : Optional.empty();
        }

        public long days() {
            return ChronoUnit.DAYS.between(from, to);
        }

        /** The last day the period includes. */
        public LocalDate lastDay() {
            return to.minusDays(1);
        }

        public List<LocalDate> eachDay() {
            return from.datesUntil(to).toList();
        }
    }

    public record Amount(String currency, BigDecimal amount) {
    }

    public record ReasonCount(String reason, long returns) {
    }

    /** A SKU's returns: how many cases, how many units, and their value in each currency they were sold in. */
    public record TopSku(String sku, long returns, long units, List<Amount> value) {
    }

    public record ForwarderIntercepts(String forwarder, long asked, long accepted, long rejected, long unanswered) {

        public long answered() {
            return accepted + rejected;
        }

        /** Accepted / answered in percent (one decimal), empty while the forwarder answered none. */
        public Optional<BigDecimal> ratePercent() {
            return answered() == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(accepted * 100)
                    .divide(BigDecimal.valueOf(answered()), 1, RoundingMode.HALF_UP));
        }
    }

    public record DayRefunds(LocalDate day, String currency, long refunds, BigDecimal amount) {
    }

    public record CurrencyTotal(String currency, long count, BigDecimal amount) {
    }

    public record KeptByIntercepts(long cases, List<Amount> value) {
    }

    /** Return shipping the seller did not pay; refunds from a country with no configured cost are only counted. */
    public record KeptByReturnless(long refunds, List<Amount> shippingNotPaid, long withoutEstimate) {
    }

    public record Report(Period period, ZoneId zone, List<ReasonCount> reasons, List<TopSku> topSkus,
                         List<ForwarderIntercepts> intercepts, List<DayRefunds> refundsByDay,
                         KeptByIntercepts keptByIntercepts, KeptByReturnless keptByReturnless) {

        public long returns() {
            return reasons.stream().mapToLong(ReasonCount::returns).sum();
        }

        public List<CurrencyTotal> refundTotals() {
            Map<String, CurrencyTotal> totals = new TreeMap<>();
            refundsByDay.forEach(d -> totals.merge(d.currency(), new CurrencyTotal(d.currency(), d.refunds(),
                    d.amount()), (a, b) -> new CurrencyTotal(a.currency(), a.count() + b.count(),
                    a.amount().add(b.amount()))));
            return List.copyOf(totals.values());
        }
    }

    /** The last {@code days} days, today included. */
    public Period lastDays(int days) {
        LocalDate tomorrow = LocalDate.now(clock.withZone(settings.timeZone())).plusDays(1);
        return new Period(tomorrow.minusDays(days), tomorrow);
    }

    public Report report(Period period) {
        Timestamp start = start(period.from());
        Timestamp end = start(period.to());
        return new Report(period, settings.timeZone(), reasons(start, end), topSkus(start, end),
                intercepts(start, end), refundsByDay(period), keptByIntercepts(start, end), keptByReturnless(start, end));
    }

    // returns by reason: cases opened in the period, by the reason the marketplace gave ('' when it gave none)
    private List<ReasonCount> reasons(Timestamp start, Timestamp end) {
        return jdbc.sql("""
                        SELECT COALESCE(request->>'reason', '') AS reason, count(*) AS n FROM return_case
                        WHERE created_at >= :start AND created_at < :end
                        GROUP BY 1 ORDER BY n DESC, reason""")
                .param("start", start).param("end", end)
                .query((rs, n) -> new ReasonCount(rs.getString("reason"), rs.getLong("n")))
                .list();
    }

    // top SKUs: cases opened in the period that return the SKU, its units, and its value (unit price x quantity)
    private List<TopSku> topSkus(Timestamp start, Timestamp end) {
        record Row(String sku, long returns, long units, String currency, BigDecimal value) {
        }
        List<Row> rows = jdbc.sql("""
                        WITH line AS (
                            SELECT c.case_id, COALESCE(item->>'sku', '') AS sku, (item->>'quantity')::int AS quantity,
                                   (item->'unitPrice'->>'amount')::numeric AS unit_price,
                                   item->'unitPrice'->>'currency' AS currency
                            FROM return_case c CROSS JOIN LATERAL jsonb_array_elements(c.request->'items') AS item
                            WHERE c.created_at >= :start AND c.created_at < :end),
                        top AS (
                            SELECT sku, count(DISTINCT case_id) AS returns, sum(quantity) AS units FROM line
                            GROUP BY sku ORDER BY returns DESC, units DESC, sku LIMIT :limit)
                        SELECT top.sku, top.returns, top.units, line.currency, sum(line.unit_price * line.quantity) AS value
                        FROM top JOIN line ON line.sku = top.sku
                        GROUP BY top.sku, top.returns, top.units, line.currency
                        ORDER BY top.returns DESC, top.units DESC, top.sku, line.currency""")
                .param("start", start).param("end", end).param("limit", TOP_SKUS)
                .query((rs, n) -> new Row(rs.getString("sku"), rs.getLong("returns"), rs.getLong("units"),
                        rs.getString("currency"), rs.getBigDecimal("value")))
                .list();
        Map<String, TopSku> skus = new LinkedHashMap<>();
        for (Row row : rows) {
            TopSku sku = skus.computeIfAbsent(row.sku(), s -> new TopSku(s, row.returns(), row.units(),
                    new ArrayList<>()));
            sku.value().add(new Amount(row.currency(), plain(row.value())));
        }
        return skus.values().stream().map(s -> new TopSku(s.sku(), s.returns(), s.units(), List.copyOf(s.value())))
                .toList();
    }

    // intercept success: intercepts asked in the period, by forwarder and answer; rate = accepted / answered
    private List<ForwarderIntercepts> intercepts(Timestamp start, Timestamp end) {
        return jdbc.sql("""
                        SELECT forwarder, count(*) AS asked,
                               count(*) FILTER (WHERE outcome = 'ACCEPTED') AS accepted,
                               count(*) FILTER (WHERE outcome = 'REJECTED') AS rejected,
                               count(*) FILTER (WHERE outcome IS NULL) AS unanswered
                        FROM intercept_request WHERE created_at >= :start AND created_at < :end
                        GROUP BY forwarder ORDER BY asked DESC, forwarder""")
                .param("start", start).param("end", end)
                .query((rs, n) -> new ForwarderIntercepts(rs.getString("forwarder"), rs.getLong("asked"),
                        rs.getLong("accepted"), rs.getLong("rejected"), rs.getLong("unanswered")))
                .list();
    }

    // refunds by day: REFUND instructions (not reships) sent in the period, by the team's day they were sent on
    private List<DayRefunds> refundsByDay(Period period) {
        // the day boundaries come from Java's zone rules, as the period's own: PostgreSQL's AT TIME ZONE would read
        // an offset such as +08:00 the POSIX way round, and its zone data may differ from the JVM's
        String days = period.eachDay().stream()
                .map(d -> "{\"day\":\"" + d + "\",\"from\":\"" + start(d).toInstant() + "\",\"to\":\""
                        + start(d.plusDays(1)).toInstant() + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        return jdbc.sql("""
                        SELECT d.day, r.currency, count(*) AS n, sum(r.amount) AS total
                        FROM jsonb_to_recordset(CAST(:days AS jsonb)) AS d(day date, "from" timestamptz, "to" timestamptz)
                        JOIN refund_instruction r ON r.sent_at >= d."from" AND r.sent_at < d."to"
                        WHERE r.kind = 'REFUND'
                        GROUP BY d.day, r.currency ORDER BY d.day, r.currency""")
                .param("days", days)
                .query((rs, n) -> new DayRefunds(rs.getObject("day", LocalDate.class), rs.getString("currency").trim(),
                        rs.getLong("n"), plain(rs.getBigDecimal("total"))))
                .list();
    }

    // kept by intercepts: the items' value of cases whose intercept, asked in the period, the forwarder ACCEPTED
    private KeptByIntercepts keptByIntercepts(Timestamp start, Timestamp end) {
        long cases = jdbc.sql("""
                        SELECT count(*) FROM intercept_request
                        WHERE outcome = 'ACCEPTED' AND created_at >= :start AND created_at < :end""")
                .param("start", start).param("end", end)
                .query(Long.class).single();
        List<Amount> value = jdbc.sql("""
                        SELECT item->'unitPrice'->>'currency' AS currency,
                               sum((item->'unitPrice'->>'amount')::numeric * (item->>'quantity')::int) AS value
                        FROM intercept_request i JOIN return_case c ON c.case_id = i.case_id
                             CROSS JOIN LATERAL jsonb_array_elements(c.request->'items') AS item
                        WHERE i.outcome = 'ACCEPTED' AND i.created_at >= :start AND i.created_at < :end
                        GROUP BY 1 ORDER BY 1""")
                .param("start", start).param("end", end)
                .query((rs, n) -> new Amount(rs.getString("currency"), plain(rs.getBigDecimal("value"))))
                .list();
        return new KeptByIntercepts(cases, value);
    }

    // kept by returnless decisions: per RETURNLESS refund sent in the period, the return shipping the seller did not
    // pay, estimated as the offers estimate it (gateway.negotiation.return-shipping-cost of the buyer's country)
    private KeptByReturnless keptByReturnless(Timestamp start, Timestamp end) {
        record Country(String country, long refunds) {
        }
        List<Country> countries = jdbc.sql("""
                        SELECT upper(COALESCE(c.request->'buyer'->'address'->>'country', '')) AS country, count(*) AS n
                        FROM refund_instruction r JOIN return_case c ON c.case_id = r.case_id
                        WHERE r.kind = 'REFUND' AND r.reason = 'RETURNLESS' AND r.sent_at >= :start AND r.sent_at < :end
                        GROUP BY 1""")
                .param("start", start).param("end", end)
                .query((rs, n) -> new Country(rs.getString("country"), rs.getLong("n")))
                .list();
        long refunds = 0;
        long withoutEstimate = 0;
        Map<String, BigDecimal> notPaid = new TreeMap<>();
        for (Country country : countries) {
            refunds += country.refunds();
            NegotiationProperties.Cost cost = negotiation.costFrom(country.country().isEmpty() ? null : country.country());
            if (cost == null) {
                withoutEstimate += country.refunds();
            } else {
                notPaid.merge(cost.currency(), cost.amount().multiply(BigDecimal.valueOf(country.refunds())),
                        BigDecimal::add);
            }
        }
        return new KeptByReturnless(refunds, notPaid.entrySet().stream()
                .map(e -> new Amount(e.getKey(), plain(e.getValue()))).toList(), withoutEstimate);
    }

    /** 39.9900 as 39.99 and 20.0000 as 20 (not 2E+1): amounts as people write them. */
    private static BigDecimal plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(settings.timeZone()).toInstant());
    }
}
