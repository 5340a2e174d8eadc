package com.returnsgateway.core.offer;

import com.returnsgateway.core.model.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Negotiation ({@code gateway.negotiation.*}): a delivered item worth more than the returnless threshold, whose return
 * shipping costs at least {@code costRatio} of its value, is not asked back at once: the buyer is first offered
 * {@code offerPercent} of its value to keep it.
 *
 * @param enabled            off by default: a seller turns offers on after setting the costs and a link secret
 * @param costRatio          return shipping cost / item value from which an offer is made
 * @param offerPercent       the offer, in percent of the items' value (rounded to the currency)
 * @param answerWithin       how long the links work; without an answer the return label follows
 * @param linkSecret         the HMAC-SHA256 key of the accept/decline links (a secret: environment or secret file)
 * @param returnShippingCost per country the item was delivered to (ISO code, the buyer's address), and
 *                           {@code default}; a cost in another currency than the item's makes no offer
 * @param sweepInterval      how often unanswered offers past their deadline are looked for
 */
@ConfigurationProperties("gateway.negotiation")
public record NegotiationProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("0.4") BigDecimal costRatio,
        @DefaultValue("30") BigDecimal offerPercent,
        @DefaultValue("3d") Duration answerWithin,
        String linkSecret,
        Map<String, Cost> returnShippingCost,
        @DefaultValue("1m") Duration sweepInterval) {

    /** The shortest link secret production accepts: 32 characters. */
    public static final int MIN_SECRET_LENGTH = 32;

    public NegotiationProperties {
        returnShippingCost = returnShippingCost == null ? Map.of() : Map.copyOf(returnShippingCost);
    }

    /** What sending a parcel back from a country costs the seller. */
    public record Cost(BigDecimal amount, String currency) {

        public Money money() {
            return new Money(amount, currency);
        }
    }

    /** The cost of a return from {@code country}, else the {@code default} one; null when neither is set. */
    public Cost costFrom(String country) {
        Cost cost = country == null ? null : returnShippingCost.get(country.strip().toUpperCase(Locale.ROOT));
        return cost != null ? cost : returnShippingCost.get("default");
    }
}
