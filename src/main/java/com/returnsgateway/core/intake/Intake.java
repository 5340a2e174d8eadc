package com.returnsgateway.core.intake;

import com.returnsgateway.core.cases.CaseEvent;
import com.returnsgateway.core.cases.CaseRepository;
import com.returnsgateway.core.cases.CaseRepository.InsertResult;
import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.logging.CaseLogContext;
import com.returnsgateway.core.model.ReturnRequest;
import com.returnsgateway.core.model.ShipmentRef;
import com.returnsgateway.core.model.TimelineEvent;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Validates a return request, de-duplicates it on (marketplace, returnId) and opens a case for it. */
@Service
public class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final ReturnRequestReader reader;
    private final CaseRepository cases;
    private final Quarantine quarantine;
    private final ReturnRequestDiff diff;
    private final Cases lifecycle;
    private final GatewayProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Intake(ReturnRequestReader reader, CaseRepository cases, Quarantine quarantine, ReturnRequestDiff diff,
                  Cases lifecycle, GatewayProperties properties, Clock clock) {
        this.reader = reader;
        this.cases = cases;
        this.quarantine = quarantine;
        this.diff = diff;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
    }

    /** For callers that get the validation errors back themselves (the API answers 400). */
    @Transactional
    public InsertResult accept(JsonNode returnObject, String source) {
        return open(reader.read(returnObject), source);
    }

    /**
     * For {@code POST /api/returns}: as {@link #accept}, and a known return posted with another body is refused
     * naming the fields that differ (the sender meant another return, or changed one already being worked on). A
     * new return worth more than {@code gateway.intake.api-review-above.<currency>} waits for an operator: a stolen
     * API credential must not be enough to pay out large refunds.
     */
    @Transactional
    public InsertResult submit(JsonNode returnObject, String source) {
        ReturnRequest request = reader.read(returnObject);
        InsertResult result = open(request, source);
        BigDecimal limit = properties.intake().apiReviewAbove().get(request.currency());
        if (result.created() && limit != null && request.itemsValue().amount().compareTo(limit) > 0) {
            lifecycle.sendToManualReview(result.caseId(), "Pushed through POST /api/returns with items worth "
                    + request.itemsValue() + ", above gateway.intake.api-review-above." + request.currency() + " ("
                    + limit.toPlainString() + "): nothing is refunded until an operator confirms with POST /api/cases/"
                    + result.caseId() + "/retry");
        }
        if (!result.created()) {
            ReturnRequest first = cases.find(result.caseId()).orElseThrow().request();
            List<String> fields = diff.differences(first, request, returnObject.hasNonNull("requestedAt"));
            if (!fields.isEmpty()) {
                throw new ConflictingReturnException(request.marketplace(), request.returnId(), result.caseId(), fields);
            }
        }
        return result;
    }

    /**
     * For polled requests: one that fails validation is quarantined with its reason, never dropped. One transaction
     * (the call to {@link #accept} inside does not pass through the proxy), so the case and its webhook outbox rows
     * commit together.
     */
    @Transactional
    public void acceptPolled(JsonNode returnObject, String marketplace) {
        try {
            accept(returnObject, "marketplace " + marketplace);
        } catch (InvalidReturnRequestException e) {
            JsonNode id = returnObject == null ? null : returnObject.get("returnId");
            quarantine.keep("marketplace:" + marketplace, id == null ? null : id.asString(), e.getMessage(),
                    String.valueOf(returnObject));
        }
    }

    private InsertResult open(ReturnRequest request, String source) {
        Instant now = clock.instant();
        InsertResult result = cases.insertIfNew(newCaseId(), request, now);
        if (result.created()) {
            cases.addEvent(result.caseId(), new TimelineEvent(now, source, "RECEIVED",
                    "Return request " + request.returnId() + " for order " + request.orderId() + " received", "RECEIVED"));
            try (CaseLogContext.Scope inCase = CaseLogContext.open(result.caseId())) {
                log.info("Case {} opened for return {} / {} from {}", result.caseId(), request.marketplace(),
                        request.returnId(), source);
            }
            // only a new case: a duplicate of a known return tells the back office nothing new
            ShipmentRef shipment = request.shipment();
            lifecycle.publish(CaseEvent.of(result.caseId(), CaseEvent.Type.OPENED, now,
                    "marketplace", request.marketplace(),
                    "forwarder", shipment == null ? null : shipment.forwarder(),
                    "waybill", shipment == null ? null : shipment.waybill(),
                    "refundType", request.refundType() == null ? null : request.refundType().name(),
                    "status", CaseStatus.RECEIVED.name()));
        }
        return result;
    }

    private String newCaseId() {
        StringBuilder id = new StringBuilder("RC-");
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
