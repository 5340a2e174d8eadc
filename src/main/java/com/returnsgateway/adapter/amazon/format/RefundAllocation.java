package com.returnsgateway.adapter.amazon.format;

import com.returnsgateway.adapter.amazon.format.OrderAdjustmentFeed.AdjustedItem;
import com.returnsgateway.adapter.amazon.format.OrderAdjustmentFeed.Component;
import com.returnsgateway.core.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits one refund, decided for a whole return, into the per-line components of an order adjustment feed: Amazon
 * refunds order lines, not orders.
 *
 * <p>The refund is spread over the lines in proportion to their value (the returned quantity's worth of each line).
 * Shares are cut to the currency's smallest unit and what rounding left over is handed out one unit at a time to the
 * lines that lost most to rounding (on a tie the larger line, then the earlier one): the parts always add up to the
 * refund exactly, and no line is refunded more than it is worth, which putting the whole remainder on one line can
 * do (three lines of 10.00 refunded 29.99: 9.99 each, and 10.01 for the line given the remainder).
 *
 * <p>Shipping is left out unless a line carries it ({@link Line#shipping()}): then that line's shipping is refunded
 * in full as a Shipping component and counts toward the refund, so the lines' values share what is left. A refund
 * that does not cover the shipping, or is more than the lines are worth, is refused.
 *
 * <p>Tax: Japan rejects a Principal and Tax split (selling-partner-api-models issue 1372), so with
 * {@link TaxMode#gross()} each line gets one Principal component carrying the gross amount; with
 * {@link TaxMode#split(BigDecimal)} Principal is the net amount, {@code gross / (1 + rate)} rounded half up to the
 * currency's decimals, and Tax the rest, so the two add up to the gross exactly (shipping alike: Shipping and
 * ShippingTax). Components of zero are left out, and so is a line whose share is zero.
 */
public final class RefundAllocation {

    /** The longest MerchantAdjustmentItemID the gateway writes. */
    static final int MAX_ADJUSTMENT_ITEM_ID = 50;

    private RefundAllocation() {
    }

    /** One order line being refunded: what the returned quantity is worth, and the line's shipping if refunded. */
    public record Line(String amazonOrderItemCode, Money value, Money shipping) {

        /** A line without shipping. */
        public Line(String amazonOrderItemCode, Money value) {
            this(amazonOrderItemCode, value, null);
        }
    }

    /** Whether tax is sent as its own component, and at which rate (0.20 for 20 %) amounts include it. */
    public record TaxMode(boolean split, BigDecimal rate) {

        public TaxMode {
            if (split && (rate == null || rate.signum() < 0)) {
                throw new IllegalArgumentException("a tax split needs a rate of zero or more, got " + rate);
            }
        }

        /** One Principal component with the gross amount (required in Japan). */
        public static TaxMode gross() {
            return new TaxMode(false, null);
        }

        /** Principal net of tax at {@code rate}, and Tax. */
        public static TaxMode split(BigDecimal rate) {
            return new TaxMode(true, rate);
        }
    }

    /**
     * The adjusted items for {@code refund}, one per line with something to refund, in line order; each item's
     * MerchantAdjustmentItemID is {@code merchantAdjustmentItemIdPrefix + "-" + (line index + 1)}.
     *
     * @throws IllegalArgumentException for a refund that is not positive, lines in another currency or without value,
     *                                  a refund that does not cover the lines' shipping or is more than they are
     *                                  worth, an unknown adjustment reason, or ids longer than 50 characters
     */
    public static List<AdjustedItem> allocate(Money refund, List<Line> lines, TaxMode taxMode, String adjustmentReason,
                                              String merchantAdjustmentItemIdPrefix) {
        validate(refund, lines, taxMode, adjustmentReason, merchantAdjustmentItemIdPrefix);
        String currency = refund.currency();
        int digits = digits(currency);
        long shippingUnits = lines.stream().mapToLong(l -> units(l.shipping(), digits)).sum();
        long valueUnits = lines.stream().mapToLong(l -> units(l.value(), digits)).sum();
        long itemUnits = units(refund, digits) - shippingUnits;
        if (itemUnits < 0) {
            throw new IllegalArgumentException("the refund " + refund + " does not cover the lines' shipping "
                    + money(shippingUnits, currency, digits));
        }
        if (itemUnits > valueUnits) {
            throw new IllegalArgumentException("the refund " + refund + " is more than the lines are worth: "
                    + money(valueUnits + shippingUnits, currency, digits));
        }
        long[] shares = shares(itemUnits, lines.stream().mapToLong(l -> units(l.value(), digits)).toArray());
        List<AdjustedItem> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<Component> components = new ArrayList<>();
            add(components, "Principal", "Tax", money(shares[i], currency, digits), taxMode);
            add(components, "Shipping", "ShippingTax",
                    money(units(lines.get(i).shipping(), digits), currency, digits), taxMode);
            if (!components.isEmpty()) {
                items.add(new AdjustedItem(lines.get(i).amazonOrderItemCode(),
                        merchantAdjustmentItemIdPrefix + "-" + (i + 1), adjustmentReason, components));
            }
        }
        return List.copyOf(items);
    }

    /**
     * {@code total} split in proportion to {@code weights}: each share is cut down to a whole unit, then the units
     * left over go to the largest remainders, the larger weight first, then the earlier one.
     */
    static long[] shares(long total, long[] weights) {
        long sum = 0;
        for (long weight : weights) {
            sum += weight;
        }
        long[] shares = new long[weights.length];
        BigDecimal[] remainders = new BigDecimal[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigDecimal[] division = BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(weights[i]))
                    .divideAndRemainder(BigDecimal.valueOf(sum));
            shares[i] = division[0].longValueExact();
            remainders[i] = division[1];
            given += shares[i];
        }
        List<Integer> order = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.<Integer, BigDecimal>comparing(i -> remainders[i]).reversed()
                        .thenComparing(Comparator.<Integer>comparingLong(i -> weights[i]).reversed())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        for (int k = 0; k < total - given; k++) {
            shares[order.get(k)]++;
        }
        return shares;
    }

    /** The gross amount as one component, or as net and tax; nothing for zero. */
    private static void add(List<Component> components, String type, String taxType, Money gross, TaxMode taxMode) {
        if (gross.amount().signum() == 0) {
            return;
        }
        if (!taxMode.split()) {
            components.add(new Component(type, gross));
            return;
        }
        BigDecimal net = gross.amount().divide(BigDecimal.ONE.add(taxMode.rate()), gross.amount().scale(),
                RoundingMode.HALF_UP);
        components.add(new Component(type, new Money(net, gross.currency())));
        BigDecimal tax = gross.amount().subtract(net);
        if (tax.signum() != 0) {
            components.add(new Component(taxType, new Money(tax, gross.currency())));
        }
    }

    private static void validate(Money refund, List<Line> lines, TaxMode taxMode, String adjustmentReason,
                                 String prefix) {
        if (refund == null || !refund.isPositive()) {
            throw new IllegalArgumentException("the refund must be more than zero, got " + refund);
        }
        if (taxMode == null) {
            throw new IllegalArgumentException("a tax mode is required: TaxMode.gross() or TaxMode.split(rate)");
        }
        OrderAdjustmentFeed.requireAdjustmentReason(adjustmentReason, "refund allocation");
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("no lines to refund");
        }
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("a MerchantAdjustmentItemID prefix is required");
        }
        String longest = prefix + "-" + lines.size();
        if (longest.length() > MAX_ADJUSTMENT_ITEM_ID) {
            throw new IllegalArgumentException("MerchantAdjustmentItemID '" + longest + "' would be "
                    + longest.length() + " characters; at most " + MAX_ADJUSTMENT_ITEM_ID + " are allowed");
        }
        for (int i = 0; i < lines.size(); i++) {
            validate(lines.get(i), i, refund.currency());
        }
    }

    private static void validate(Line line, int index, String currency) {
        String where = "line " + (index + 1);
        if (line == null) {
            throw new IllegalArgumentException(where + " is null");
        }
        if (line.amazonOrderItemCode() == null || line.amazonOrderItemCode().isBlank()) {
            throw new IllegalArgumentException(where + ": AmazonOrderItemCode is required");
        }
        where += " (" + line.amazonOrderItemCode() + ")";
        if (line.value() == null || !line.value().isPositive()) {
            throw new IllegalArgumentException(where + ": value must be more than zero, got " + line.value());
        }
        if (!line.value().currency().equals(currency)
                || line.shipping() != null && !line.shipping().currency().equals(currency)) {
            throw new IllegalArgumentException(where + " is not in " + currency + ", the refund's currency");
        }
        if (line.shipping() != null && line.shipping().amount().signum() < 0) {
            throw new IllegalArgumentException(where + ": shipping must not be negative, got " + line.shipping());
        }
    }

    private static int digits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    /** The amount in the currency's smallest unit (cents); zero for none. */
    private static long units(Money money, int digits) {
        return money == null ? 0 : money.amount().movePointRight(digits).longValueExact();
    }

    private static Money money(long units, String currency, int digits) {
        return new Money(BigDecimal.valueOf(units, digits), currency);
    }
}
