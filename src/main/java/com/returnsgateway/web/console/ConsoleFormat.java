package com.returnsgateway.web.console;

import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.reports.ReportSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the console writes times, ages and money, in the team's time zone and the page's language. Templates use it as
 * {@code ${@consoleFormat.time(x)}}.
 */
@Component
public class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ReportSettings settings;
    private final MessageSource messages;
    private final Clock clock;

    public ConsoleFormat(ReportSettings settings, MessageSource messages, Clock clock) {
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(settings.timeZone()));
    }

    public String exactTime(Instant at) {
        return at == null ? "" : TIME_SECONDS.format(at.atZone(settings.timeZone()));
    }

    public String zone() {
        return settings.timeZone().getId();
    }

    /** "3 d 4 h", "25 min": how long ago, in the page's language. */
    public String age(Instant since) {
        if (since == null) {
            return "";
        }
        Duration age = Duration.between(since, clock.instant());
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        String key;
        Object[] args;
        if (age.toDays() > 0) {
            key = "age.days";
            args = new Object[] {age.toDays(), age.toHoursPart()};
        } else if (age.toHours() > 0) {
            key = "age.hours";
            args = new Object[] {age.toHours(), age.toMinutesPart()};
        } else {
            key = "age.minutes";
            args = new Object[] {Math.max(0, age.toMinutes())};
        }
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** True when the wait is a day old or more: the console marks it. */
    public boolean old(Instant since) {
        return since != null && Duration.between(since, clock.instant()).toDays() >= 1;
    }

    public String money(Money money) {
        return money == null ? "" : money(money.amount(), money.currency());
    }

    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return amount.setScale(digits, RoundingMode.HALF_UP).toPlainString() + " " + currency;
    }
}
