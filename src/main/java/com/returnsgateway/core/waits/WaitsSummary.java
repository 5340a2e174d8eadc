package com.returnsgateway.core.waits;

import static com.returnsgateway.core.RouteVariables.ALERT_DETAILS;
import static com.returnsgateway.core.RouteVariables.ALERT_KEY;
import static com.returnsgateway.core.RouteVariables.ALERT_SOURCE;
import static com.returnsgateway.core.RouteVariables.ALERT_TITLE;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The day's operations summary of the waits: cases closed without refund in the day before it, cases in manual
 * review, and waits past their limits. Sent once a day at {@code gateway.waits.summary-at}: the instance that inserts
 * the day's row in {@code waits_summary} sends it, so several instances send it once (at most once: a summary whose
 * email fails is logged, not sent again).
 */
@Component
public class WaitsSummary {

    private final JdbcClient jdbc;
    private final WaitSettings settings;
    private final Clock clock;

    public WaitsSummary(JdbcClient jdbc, WaitSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sets the alert* variables when today's summary is due and this instance is the one to send it. */
    public void due(Exchange exchange) {
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(settings.zone());
        if (local.toLocalTime().isBefore(settings.summaryAt())) {
            return;
        }
        LocalDate day = local.toLocalDate();
        boolean mine = jdbc.sql("INSERT INTO waits_summary (day, sent_at) VALUES (:day, :now) ON CONFLICT DO NOTHING")
                .param("day", Date.valueOf(day))
                .param("now", Timestamp.from(now))
                .update() == 1;
        if (!mine) {
            return;
        }
        Instant since = day.atTime(settings.summaryAt()).atZone(settings.zone()).minusDays(1).toInstant();
        exchange.setVariable(ALERT_SOURCE, "waits");
        exchange.setVariable(ALERT_TITLE, "Summary of " + day + ": closed without refund, manual review, waits past "
                + "their limits");
        exchange.setVariable(ALERT_DETAILS, details(since, now));
        exchange.setVariable(ALERT_KEY, "summary-" + day);
    }

    String details(Instant since, Instant now) {
        StringBuilder text = new StringBuilder();
        section(text, "Closed without refund since " + since + " (the buyer's return did not come within the window)",
                jdbc.sql("""
                                SELECT case_id || '  order ' || order_id || '  ' || marketplace FROM return_case
                                WHERE unreturned_closed_at >= :since AND unreturned_closed_at <= :now
                                ORDER BY unreturned_closed_at""")
                        .param("since", Timestamp.from(since))
                        .param("now", Timestamp.from(now))
                        .query(String.class).list());
        section(text, "In manual review", jdbc.sql("""
                        SELECT case_id || '  order ' || order_id || '  ' || marketplace || ': '
                               || COALESCE(status_reason, '') FROM return_case
                        WHERE status = 'MANUAL_REVIEW' ORDER BY updated_at""")
                .query(String.class).list());
        section(text, "Waits past their limits", jdbc.sql("""
                        SELECT case_id || '  order ' || order_id || '  ' || marketplace || ': ' || status
                               || ' (' || wait_kind || ') since ' || waiting_since FROM return_case
                        WHERE """ + WaitSettings.PAST_LIMITS + " ORDER BY waiting_since")
                .params(settings.pastLimitsParams(now))
                .query(String.class).list());
        return text.toString();
    }

    private static void section(StringBuilder text, String title, List<String> lines) {
        text.append(title).append(": ").append(lines.size()).append('\n');
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
        text.append('\n');
    }
}
