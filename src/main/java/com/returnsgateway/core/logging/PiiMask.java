package com.returnsgateway.core.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks buyer contact data in text bound for a log line: {@code jane.doe@example.com} becomes {@code j***@example.com}
 * and a phone number (seven or more digits, with or without + ( ) - . and spaces) becomes {@code ***}. The better rule
 * is not to log buyer data at all (names and addresses never are); this is the safety net for messages that quote
 * an input value, such as a validation error.
 */
public final class PiiMask {

    /** Anything with an @ in it, valid address or not (a quarantine reason quotes invalid ones). */
    private static final Pattern EMAIL = Pattern.compile(
            "([^\\s'\"<>@,;:()\\[\\]])[^\\s'\"<>@,;:()\\[\\]]*@+([A-Za-z0-9.-]*)");
    /**
     * Seven or more digits starting a token, except right after "order", "feed", "report" or "message": Amazon's
     * order, feed and report ids look like phone numbers, and a log without them cannot be followed.
     */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w-])(?<!(?i:order|feed|report|message)\\s)\\+?\\(?\\d(?:[\\s().-]{0,2}\\d){6,}");

    private PiiMask() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = EMAIL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***@" + m.group(2)));
        return PHONE.matcher(masked).replaceAll("***");
    }
}
