package com.returnsgateway.core.intake;

import com.returnsgateway.core.cases.CaseRepository.InsertResult;
import com.returnsgateway.core.intake.Quarantine.Entry;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator does with a quarantined input: fix a return request and submit it again (it then becomes a case
 * like any other, validated the same way), or discard it with a reason. Either is written on the entry, once.
 */
@Service
public class QuarantineDesk {

    public static final String RESUBMITTED = "RESUBMITTED";
    public static final String DISCARDED = "DISCARDED";

    private final Quarantine quarantine;
    private final Intake intake;
    private final JsonMapper json;

    public QuarantineDesk(Quarantine quarantine, Intake intake, JsonMapper json) {
        this.quarantine = quarantine;
        this.intake = intake;
        this.json = json;
    }

    /**
     * Why this entry cannot be resubmitted, or empty when it can: only single return requests (from a marketplace's
     * poll or Amazon's returns) are; a whole page, a report row or an email is kept for reading, and discarded.
     */
    public Optional<String> whyNotResubmittable(Entry entry) {
        if (entry.resolution() != null) {
            return Optional.of("it was " + entry.resolution().how().toLowerCase() + " already");
        }
        boolean returnSource = entry.source().startsWith("marketplace:") || entry.source().startsWith("amazon:");
        boolean single = entry.reference() == null || !(entry.reference().equals("page")
                || entry.reference().startsWith("report row"));
        if (!returnSource || !single || !entry.payload().stripLeading().startsWith("{")) {
            return Optional.of("it is not one return request (" + entry.source() + "): read it, then discard it");
        }
        return Optional.empty();
    }

    /**
     * Submits the (fixed) return request as a new input from {@code actor}. A request that is still invalid throws
     * {@link InvalidReturnRequestException} naming the fields, and the entry stays open; a request already known
     * resolves the entry with the existing case.
     */
    @Transactional
    public InsertResult resubmit(long id, String fixedPayload, String actor) {
        Entry entry = quarantine.find(id).orElseThrow(() -> new IllegalArgumentException("no quarantine entry " + id));
        whyNotResubmittable(entry).ifPresent(why -> {
            throw new IllegalStateException("Entry " + id + " cannot be resubmitted: " + why);
        });
        JsonNode node;
        try {
            node = json.readTree(fixedPayload);
        } catch (JacksonException e) {
            throw new InvalidReturnRequestException(List.of(new FieldError("(document)", "not valid JSON: "
                    + e.getOriginalMessage())));
        }
        InsertResult result = intake.accept(node, actor + " (quarantine entry " + id + ")");
        if (!quarantine.resolve(id, RESUBMITTED, actor, result.created() ? "resubmitted as a new case"
                : "the return was a case already", result.caseId())) {
            throw new IllegalStateException("Entry " + id + " was resolved by someone else meanwhile");
        }
        return result;
    }

    public void discard(long id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is needed to discard an entry");
        }
        if (!quarantine.resolve(id, DISCARDED, actor, reason.strip(), null)) {
            throw new IllegalStateException("Entry " + id + " does not exist or was resolved already");
        }
    }
}
