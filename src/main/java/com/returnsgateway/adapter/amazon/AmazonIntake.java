package com.returnsgateway.adapter.amazon;

import com.returnsgateway.adapter.amazon.api.AmazonAccount;
import com.returnsgateway.adapter.amazon.api.AmazonAccounts;
import com.returnsgateway.adapter.amazon.format.AmazonReturnMapper;
import com.returnsgateway.adapter.amazon.format.ReturnReportRow;
import com.returnsgateway.core.cases.CaseRepository;
import com.returnsgateway.core.cases.CaseRepository.InsertResult;
import com.returnsgateway.core.intake.Intake;
import com.returnsgateway.core.intake.InvalidReturnRequestException;
import com.returnsgateway.core.intake.Quarantine;
import com.returnsgateway.core.model.TimelineEvent;
import com.returnsgateway.core.returns.RefundMoment;
import com.returnsgateway.core.returns.ReturnParcels;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the report rows of one Amazon return into a case: asks the Orders API about the order (once, and only for a
 * return the gateway has not seen), maps the rows to the gateway's return object and hands it to the common intake,
 * which validates and de-duplicates it. A return that fails validation is quarantined with the reason.
 */
@Component
public class AmazonIntake {

    /** The buyer's email could not be read from Amazon: the case's emails go to the account's fallback address. */
    public static final String BUYER_EMAIL_FALLBACK = "BUYER_EMAIL_FALLBACK";

    private final AmazonOrders orders;
    private final Intake intake;
    private final CaseRepository cases;
    private final Quarantine quarantine;
    private final AmazonAccounts accounts;
    private final ReturnParcels returnParcels;
    private final Clock clock;

    public AmazonIntake(AmazonOrders orders, Intake intake, CaseRepository cases, Quarantine quarantine,
                        AmazonAccounts accounts, ReturnParcels returnParcels, Clock clock) {
        this.returnParcels = returnParcels;
        this.orders = orders;
        this.intake = intake;
        this.cases = cases;
        this.quarantine = quarantine;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Opens a case for one return (all its item rows). A return seen before, as a case or in the quarantine, is left
     * alone without Orders calls: each report window overlaps the last one by a day. A later report of a known return
     * may bring what happened since: the return parcel's {@code Tracking ID} and {@code Return carrier} (attached to
     * the case) and its {@code Return delivery date} (the parcel was delivered to the return address).
     */
    public void accept(List<ReturnReportRow> rows, String account, String reportId) {
        ReturnReportRow first = rows.get(0);
        Optional<String> known = cases.findCaseId(account, first.amazonRmaId());
        if (known.isPresent()) {
            laterNews(known.get(), rows, reportId);
            return;
        }
        if (quarantine.contains("amazon:" + account, first.amazonRmaId())) {
            return;
        }
        AmazonAccount amazon = accounts.get(account);
        Optional<AmazonOrder> order = orders.fetch(account, first.orderId());
        AmazonReturnMapper mapper = new AmazonReturnMapper(amazon.reasons());
        ObjectNode returnObject = mapper.toReturnObject(account, rows, order.orElse(null),
                new AmazonReturnMapper.Fallback(blankToNull(amazon.fallbackBuyerEmail()), amazon.fallbackLocale()));
        boolean fallback = order.map(AmazonOrder::buyerEmail).isEmpty();
        InsertResult result;
        try {
            result = intake.accept(returnObject, "Amazon returns report " + reportId);
        } catch (InvalidReturnRequestException e) {
            String hint = fallback && blankToNull(amazon.fallbackBuyerEmail()) == null
                    ? "Amazon gave no buyer email for order " + first.orderId() + " and gateway.marketplaces." + account
                    + ".amazon.fallback-buyer-email is not set; " : "";
            quarantine.keep("amazon:" + account, first.amazonRmaId(), hint + e.getMessage(), returnObject.toString());
            return;
        }
        if (result.created() && fallback) {
            cases.addFlag(result.caseId(), BUYER_EMAIL_FALLBACK);
            cases.addEvent(result.caseId(), new TimelineEvent(clock.instant(), "amazon " + account, "BUYER_EMAIL",
                    order.isEmpty() ? "Amazon's Orders API does not know order " + first.orderId()
                            + "; the buyer's emails go to the fallback address"
                            : "Amazon did not give the buyer's email (the role for buyer info is missing); the buyer's"
                            + " emails go to the fallback address " + amazon.fallbackBuyerEmail(),
                    BUYER_EMAIL_FALLBACK));
        }
    }

    /** The return parcel's tracking and delivery from a later report of the same RMA; the same again changes nothing. */
    private void laterNews(String caseId, List<ReturnReportRow> rows, String reportId) {
        String source = "amazon returns report " + reportId;
        rows.stream().filter(row -> blankToNull(row.trackingId()) != null).findFirst().ifPresent(row -> {
            returnParcels.attach(caseId, row.trackingId().strip(), blankToNull(row.returnCarrier()), source);
            rows.stream().filter(r -> r.returnDeliveryDate() != null).findFirst().ifPresent(r -> returnParcels
                    .reached(caseId, RefundMoment.DELIVERED, r.returnDeliveryDate(), null, "Return delivery date "
                            + r.returnDeliveryDate(), source));
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
