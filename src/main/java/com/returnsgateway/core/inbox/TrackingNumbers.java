package com.returnsgateway.core.inbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a parcel tracking number in a buyer's words: UPS {@code 1Z...}, USPS {@code 9400...}/{@code 92...} (20 to 22
 * digits, spaces allowed), DHL {@code JJD...} or 10 digits after "DHL", 4PX {@code 4PX...CN}, YunExpress
 * {@code YT...}, and the UPU form of the postal services ({@code XX123456789XX}, Royal Mail's ending in GB). The
 * carrier comes from the number's form, or for a UPU number from the carrier the text names.
 */
public final class TrackingNumbers {

    /** A number found, with its carrier when known. */
    public record Found(String number, String carrier) {
    }

    private record Candidate(int at, String number, String carrier) {
    }

    private static final Pattern UPS = Pattern.compile("\\b1Z[0-9A-Z]{16}\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern USPS = Pattern.compile("(?<!\\d)(?<!\\d )9[24](?: ?\\d){18,20}(?! ?\\d)");
    private static final Pattern DHL_JJD = Pattern.compile("\\bJJD\\d{10,20}\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DHL_DIGITS = Pattern.compile("\\bDHL\\b\\D{0,30}?(?<!\\d)(\\d{10})(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FOUR_PX = Pattern.compile("\\b4PX\\d{8,20}CN\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern YUN = Pattern.compile("\\bYT\\d{14,18}\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern UPU = Pattern.compile("\\b[A-Z]{2}\\d{9}[A-Z]{2}\\b", Pattern.CASE_INSENSITIVE);
    /** Carriers a buyer may name beside a UPU number, in the spelling the gateway records. */
    private static final List<String> NAMED = List.of("Royal Mail", "USPS", "La Poste", "Deutsche Post", "DHL",
            "China Post", "Japan Post", "PostNL", "Canada Post", "Australia Post", "Poste Italiane", "Correos");

    private TrackingNumbers() {
    }

    /** The first tracking number in the text, if any. */
    public static Optional<Found> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<Candidate> candidates = new ArrayList<>();
        add(candidates, UPS, text, 0, "UPS");
        Matcher usps = USPS.matcher(text);
        while (usps.find()) {
            String digits = usps.group().replace(" ", "");
            if ((digits.startsWith("9400") || digits.startsWith("92")) && digits.length() >= 20 && digits.length() <= 22) {
                candidates.add(new Candidate(usps.start(), digits, "USPS"));
            }
        }
        add(candidates, DHL_JJD, text, 0, "DHL");
        add(candidates, DHL_DIGITS, text, 1, "DHL");
        add(candidates, FOUR_PX, text, 0, "4PX");
        add(candidates, YUN, text, 0, "YunExpress");
        Matcher upu = UPU.matcher(text);
        while (upu.find()) {
            String number = upu.group().toUpperCase(Locale.ROOT);
            String carrier = named(text).orElse(number.endsWith("GB") ? "Royal Mail" : null);
            candidates.add(new Candidate(upu.start(), number, carrier));
        }
        return candidates.stream().min(Comparator.comparingInt(Candidate::at))
                .map(c -> new Found(c.number(), c.carrier()));
    }

    private static void add(List<Candidate> into, Pattern pattern, String text, int group, String carrier) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(new Candidate(matcher.start(group), matcher.group(group).toUpperCase(Locale.ROOT), carrier));
        }
    }

    private static Optional<String> named(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return NAMED.stream().filter(name -> lower.contains(name.toLowerCase(Locale.ROOT))).findFirst();
    }
}
