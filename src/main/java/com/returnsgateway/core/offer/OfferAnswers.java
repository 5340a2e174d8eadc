package com.returnsgateway.core.offer;

import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.RefundReason;
import com.returnsgateway.core.model.RefundType;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.offer.OfferLinkSigner.Action;
import com.returnsgateway.core.offer.OfferLinkSigner.Claims;
import com.returnsgateway.core.refund.RefundCalculator;
import com.returnsgateway.core.refund.RefundPlanner;
import com.returnsgateway.core.refund.RefundRefusedException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The buyer's answer to an offer, through a signed link. Looking at a link changes nothing; answering is once per
 * offer: accept plans the partial refund (REFUND_PENDING, settled like any refund), decline sends the case back to
 * the decision, which now gives the return label.
 */
@Service
public class OfferAnswers {

    /** Why a link does not work: a link that never was valid (400), or one that was and is no more (410). */
    public enum Problem {
        INVALID, USED, EXPIRED, CLOSED;

        public boolean gone() {
            return this != INVALID;
        }
    }

    /**
     * What a link leads to: the case and its offer, or a problem (the case, when known, for the page's language).
     */
    public record Look(Problem problem, ReturnCase returnCase, Offer offer, Action action) {

        public boolean valid() {
            return problem == null;
        }
    }

    private final OfferLinkSigner signer;
    private final OfferRepository offers;
    private final Cases cases;
    private final RefundPlanner planner;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public OfferAnswers(OfferLinkSigner signer, OfferRepository offers, Cases cases, RefundPlanner planner,
                        TransactionTemplate transaction, Clock clock) {
        this.signer = signer;
        this.offers = offers;
        this.cases = cases;
        this.planner = planner;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What the link would do; nothing changes. */
    public Look look(String token, Action action) {
        return check(token, action, false);
    }

    /** Answers the offer as the link says, once: the look after the answer, or why it was not taken. */
    public Look answer(String token, Action action) {
        try {
            return transaction.execute(status -> {
                Look look = check(token, action, true);
                if (!look.valid()) {
                    return look;
                }
                String caseId = look.returnCase().caseId();
                Instant now = clock.instant();
                if (action == Action.ACCEPT) {
                    offers.answer(caseId, Offer.Answer.ACCEPTED, now);
                    cases.record(caseId, "buyer", "OFFER", "Buyer accepted the partial refund of "
                            + look.offer().amount() + " and keeps the item", "ACCEPTED");
                    // a refund without the item coming back: RETURNLESS, for the amount agreed
                    planner.planAgreed(caseId, RefundReason.RETURNLESS,
                            new RefundCalculator.Amount(RefundType.PARTIAL, look.offer().amount()));
                } else {
                    offers.answer(caseId, Offer.Answer.DECLINED, now);
                    cases.record(caseId, "buyer", "OFFER", "Buyer declined the partial refund of "
                            + look.offer().amount(), "DECLINED");
                    cases.moveTo(caseId, CaseStatus.SHIPMENT_CHECKED,
                            "Buyer declined the offer: a return label follows");
                }
                return look;
            });
        } catch (RefundRefusedException e) {
            // another return of the order was refunded since the offer: the buyer said yes, a person decides
            return transaction.execute(status -> {
                Look look = check(token, action, true);
                if (look.valid()) {
                    String caseId = look.returnCase().caseId();
                    offers.answer(caseId, Offer.Answer.ACCEPTED, clock.instant());
                    cases.record(caseId, "buyer", "OFFER", "Buyer accepted the partial refund of "
                            + look.offer().amount() + " and keeps the item", "ACCEPTED");
                    cases.sendToManualReview(caseId, e.getMessage());
                }
                return look;
            });
        }
    }

    private Look check(String token, Action action, boolean lock) {
        Optional<Claims> verified = signer.verify(token);
        if (verified.isEmpty() || verified.get().action() != action) {
            return new Look(Problem.INVALID, null, null, action);
        }
        Claims claims = verified.get();
        Optional<Offer> stored = lock ? offers.lock(claims.caseId()) : offers.find(claims.caseId());
        if (stored.isEmpty() || !stored.get().nonce().equals(claims.nonce())) {
            return new Look(Problem.INVALID, null, null, action);
        }
        Offer offer = stored.get();
        ReturnCase returnCase = cases.get(claims.caseId());
        Instant now = clock.instant();
        Problem problem = null;
        if (!offer.open()) {
            problem = offer.answer() == Offer.Answer.EXPIRED ? Problem.EXPIRED : Problem.USED;
        } else if (!now.isBefore(offer.expiresAt()) || !now.isBefore(claims.expiresAt())) {
            problem = Problem.EXPIRED;
        } else if (returnCase.status() != CaseStatus.AWAITING_OFFER_ANSWER) {
            problem = Problem.CLOSED;
        }
        return new Look(problem, returnCase, offer, action);
    }
}
