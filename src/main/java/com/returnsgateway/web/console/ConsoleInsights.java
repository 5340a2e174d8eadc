package com.returnsgateway.web.console;

import com.returnsgateway.core.reports.Insights;
import com.returnsgateway.core.reports.Insights.DayRefunds;
import com.returnsgateway.core.reports.Insights.ForwarderIntercepts;
import com.returnsgateway.core.reports.Insights.Period;
import com.returnsgateway.core.reports.Insights.ReasonCount;
import com.returnsgateway.core.reports.Insights.Refusal;
import com.returnsgateway.core.reports.Insights.Report;
import com.returnsgateway.core.reports.Insights.TopSku;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Insights: charts of a period's returns, intercepts, refunds and what the gateway kept for the seller. The period is
 * the URL's query ({@code from}, {@code to} not included), so a view can be bookmarked; the charts' figures go into
 * the page as JSON (an attribute of #insights-data) that insights.js draws, and the same figures stand in plain tables
 * under each chart.
 */
@Controller
public class ConsoleInsights {

    /** The quick links above the charts: the last 7, 30 and 90 days. */
    private static final List<Integer> QUICK_DAYS = List.of(7, 30, 90);

    private final Insights insights;
    private final MessageSource messages;
    private final JsonMapper json;

    public ConsoleInsights(Insights insights, MessageSource messages, JsonMapper json) {
        this.insights = insights;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/console/insights")
    public String insights(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           Locale locale, HttpServletResponse response, Model model) {
        model.addAttribute("quick", quickLinks());
        Period period;
        try {
            period = period(blank(from), blank(to));
        } catch (RefusedPeriod refused) {
            // the form keeps what was typed, so it can be corrected
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("f", Map.of("from", from == null ? "" : from, "to", to == null ? "" : to));
            model.addAttribute("refused", messages.getMessage(refused.key, refused.args, locale));
            return "console/insights";
        }
        Report report = insights.report(period);
        model.addAttribute("f", Map.of("from", period.from().toString(), "to", period.to().toString()));
        model.addAttribute("report", report);
        // JSON in an attribute, escaped as any attribute: inside a <script> element a SKU or reason holding "<!--<script"
        // would derail the HTML parser (Thymeleaf's JavaScript serialisation escapes "</" but not "<!--")
        model.addAttribute("charts", json.writeValueAsString(charts(report, locale)));
        return "console/insights";
    }

    /** The asked period; a missing end is tomorrow (today included), a missing start 30 days before the end. */
    private Period period(String from, String to) {
        LocalDate end = to == null ? insights.lastDays(1).to() : date(to, "to");
        LocalDate start = from == null ? end.minusDays(Insights.DEFAULT_DAYS) : date(from, "from");
        Optional<Refusal> refusal = Period.refusal(start, end);
        if (refusal.isPresent()) {
            throw new RefusedPeriod("insights.refused." + refusal.get().name(), start, end, Insights.MAX_DAYS);
        }
        return new Period(start, end);
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RefusedPeriod("insights.refused.date", new DefaultMessageSourceResolvable("insights." + field),
                    value);
        }
    }

    private List<Map<String, Object>> quickLinks() {
        List<Map<String, Object>> links = new ArrayList<>();
        for (int days : QUICK_DAYS) {
            Period period = insights.lastDays(days);
            links.add(Map.of("days", days, "from", period.from().toString(), "to", period.to().toString()));
        }
        return links;
    }

    /** What insights.js draws: names, figures and the chart texts in the page's language. */
    private Map<String, Object> charts(Report report, Locale locale) {
        Map<String, Object> charts = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : List.of("returns", "accepted", "rejected", "unanswered", "rate", "noReason", "refunds")) {
            labels.put(key, messages.getMessage("insights." + key, null, locale));
        }
        charts.put("labels", labels);
        charts.put("reasons", Map.of(
                "names", report.reasons().stream().map(ReasonCount::reason).toList(),
                "returns", report.reasons().stream().map(ReasonCount::returns).toList()));
        charts.put("skus", Map.of(
                "names", report.topSkus().stream().map(TopSku::sku).toList(),
                "returns", report.topSkus().stream().map(TopSku::returns).toList()));
        charts.put("intercepts", Map.of(
                "names", report.intercepts().stream().map(ForwarderIntercepts::forwarder).toList(),
                "accepted", report.intercepts().stream().map(ForwarderIntercepts::accepted).toList(),
                "rejected", report.intercepts().stream().map(ForwarderIntercepts::rejected).toList(),
                "unanswered", report.intercepts().stream().map(ForwarderIntercepts::unanswered).toList(),
                "rate", report.intercepts().stream().map(i -> i.ratePercent().map(BigDecimal::toPlainString)
                        .orElse("")).toList()));
        charts.put("refunds", refundSeries(report));
        return charts;
    }

    /** One series per currency over every day of the period, a day without refunds at 0. */
    private static Map<String, Object> refundSeries(Report report) {
        List<LocalDate> days = report.period().eachDay();
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        for (DayRefunds d : report.refundsByDay()) {
            BigDecimal[] amounts = byCurrency.computeIfAbsent(d.currency(), c -> {
                BigDecimal[] zeros = new BigDecimal[days.size()];
                Arrays.fill(zeros, BigDecimal.ZERO);
                return zeros;
            });
            amounts[(int) ChronoUnit.DAYS.between(report.period().from(), d.day())] = d.amount();
        }
        List<Map<String, Object>> series = new ArrayList<>();
        // amounts as text: JavaScript numbers are not money, the chart only draws them
        byCurrency.forEach((currency, amounts) -> series.add(Map.of("currency", currency,
                "amounts", Arrays.stream(amounts).map(BigDecimal::toPlainString).toList())));
        return Map.of("days", days.stream().map(LocalDate::toString).toList(), "series", series);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A period the page cannot show, with the text that says why (a message key and its arguments). */
    private static final class RefusedPeriod extends RuntimeException {

        private final String key;
        private final Object[] args;

        RefusedPeriod(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }
    }
}
