package com.returnsgateway.core.mail;

import com.returnsgateway.core.model.Money;
import java.time.Instant;

/** What a {@link EmailKind#PARTIAL_REFUND_OFFER} email says: the amount, its two signed links, and until when. */
public record OfferTerms(Money amount, String acceptUrl, String declineUrl, Instant answerBy) {
}
