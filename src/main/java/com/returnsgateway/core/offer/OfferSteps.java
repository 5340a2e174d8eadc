package com.returnsgateway.core.offer;

import static com.returnsgateway.core.RouteVariables.CASE_ID;

import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.mail.OfferTerms;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.offer.OfferLinkSigner.Action;
import com.returnsgateway.core.offer.OfferLinkSigner.Claims;
import com.returnsgateway.core.refund.RefundLedger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The offer steps of the routes: whether a delivered item gets an offer (decide-delivered), storing it before its
 * email (offers.camel.yaml), and the sweep that ends the offers nobody answered and closes the ones accepted.
 */
@Component
public class OfferSteps {

    private static final Logger log = LoggerFactory.getLogger(OfferSteps.class);
    private static final int SWEEP_BATCH = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cases cases;
    private final OfferRepository offers;
    private final NegotiationPolicy policy;
    private final NegotiationProperties properties;
    private final RefundLedger ledger;
    private final OfferLinkSigner signer;
    private final GatewayProperties gateway;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public OfferSteps(Cases cases, OfferRepository offers, NegotiationPolicy policy, NegotiationProperties properties,
                      RefundLedger ledger, OfferLinkSigner signer, GatewayProperties gateway,
                      TransactionTemplate transaction, Clock clock) {
        this.cases = cases;
        this.offers = offers;
        this.policy = policy;
        this.properties = properties;
        this.ledger = ledger;
        this.signer = signer;
        this.gateway = gateway;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** True when the buyer should first be offered a partial refund to keep the item; a case is offered once. */
    public boolean worthOffering(@Variable(CASE_ID) String caseId) {
        return properties.enabled() && offers.find(caseId).isEmpty() && offerFor(cases.get(caseId)).isPresent();
    }

    /** Stores the offer (amount, link nonce, deadline) before its email is composed; a resumed case keeps it. */
    public void prepare(@Variable(CASE_ID) String caseId) {
        Money amount = offerFor(cases.get(caseId)).orElseThrow(() -> new IllegalStateException(
                "case " + caseId + " no longer qualifies for an offer"));
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        // whole seconds: the deadline is in the links, which carry epoch seconds
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Offer offer = offers.insertIfAbsent(new Offer(caseId, amount,
                Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), now, now.plus(properties.answerWithin()),
                null, null));
        cases.record(caseId, "gateway", "OFFER", "Partial refund of " + offer.amount()
                + " offered to keep the item; answer by " + offer.expiresAt(), null);
    }

    /** The email's terms: the amount and the two signed links, under {@code gateway.console-base-url}. */
    public OfferTerms terms(String caseId) {
        Offer offer = offers.find(caseId).orElseThrow(() -> new IllegalStateException(
                "case " + caseId + " has no offer to email"));
        String base = gateway.consoleBaseUrl().replaceAll("/+$", "") + "/offers/";
        return new OfferTerms(offer.amount(), base + link(offer, Action.ACCEPT) + "/accept",
                base + link(offer, Action.DECLINE) + "/decline", offer.expiresAt());
    }

    /** Offers nobody answered in time: the buyer gets the return label (the case is decided again, without offer). */
    public int expireUnanswered() {
        int expired = 0;
        for (String caseId : offers.expiredOpen(clock.instant(), SWEEP_BATCH)) {
            Boolean moved = transaction.execute(status -> {
                if (!offers.answer(caseId, Offer.Answer.EXPIRED, clock.instant())) {
                    return false;
                }
                if (cases.get(caseId).status() != CaseStatus.AWAITING_OFFER_ANSWER) {
                    return false;
                }
                cases.moveTo(caseId, CaseStatus.SHIPMENT_CHECKED,
                        "No answer to the partial refund offer in time: a return label follows");
                return true;
            });
            if (Boolean.TRUE.equals(moved)) {
                expired++;
            }
        }
        if (expired > 0) {
            log.info("{} offer(s) without an answer in time: return labels follow", expired);
        }
        return expired;
    }

    /** Accepted offers whose partial refund went out: the buyer keeps the item, nothing more to wait for. */
    public int closeKept() {
        int closed = 0;
        for (String caseId : offers.acceptedAndRefunded(SWEEP_BATCH)) {
            cases.moveTo(caseId, CaseStatus.CLOSED, "Buyer keeps the item with the partial refund: case closed");
            closed++;
        }
        return closed;
    }

    private String link(Offer offer, Action action) {
        return signer.sign(new Claims(offer.caseId(), action, offer.nonce(), offer.expiresAt()));
    }

    private Optional<Money> offerFor(ReturnCase returnCase) {
        return policy.offerFor(returnCase.request(), ledger.refundable(returnCase));
    }
}
