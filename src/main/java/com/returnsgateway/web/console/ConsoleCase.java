package com.returnsgateway.web.console;

import com.returnsgateway.core.cases.CaseNotFoundException;
import com.returnsgateway.core.cases.CaseRepository;
import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.cases.IllegalTransitionException;
import com.returnsgateway.core.intercept.InterceptRepository;
import com.returnsgateway.core.mail.EmailKind;
import com.returnsgateway.core.mail.EmailLog;
import com.returnsgateway.core.mail.MailSteps;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.Phase;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.TimelineEvent;
import com.returnsgateway.core.port.Marketplaces;
import com.returnsgateway.core.refund.RefundLedger;
import com.returnsgateway.core.refund.RefundPlanner;
import com.returnsgateway.core.refund.RefundRefusedException;
import com.returnsgateway.core.refund.RefundRepository;
import com.returnsgateway.core.returns.ReturnParcels;
import com.returnsgateway.core.returns.ReturnReceipts;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * One case as an operator needs it: the request, the parcel and its tracking, the decision and why, the timeline,
 * every email as its recipient saw it, the label, refunds and intercept; and the operator's actions, each confirmed
 * in the page and written on the timeline with the operator's name.
 */
@Controller
public class ConsoleCase {

    /** Timeline entries about the parcel: the forwarder's and the last-mile service's statuses, the return's. */
    private static final Set<String> TRACKING_TYPES = Set.of("SHIPMENT_STATUS", "LAST_MILE", "RETURN_TRACKING",
            "RETURN_FIRST_SCAN", "RETURN_DELIVERED", "RETURN_RECEIVED", "RETURN_FORECAST", "REFUND_MOMENT");
    /** The statuses a decision leads to, after the shipment check. */
    private static final Set<String> DECISIONS = Set.of("INTERCEPT_REQUESTED", "AWAITING_BUYER", "AWAITING_RETURN",
            "REFUND_PENDING", "AWAITING_OFFER_ANSWER", "MANUAL_REVIEW");

    private final Cases cases;
    private final CaseRepository repository;
    private final RefundRepository refunds;
    private final RefundLedger ledger;
    private final RefundPlanner planner;
    private final InterceptRepository intercepts;
    private final EmailLog emails;
    private final MailSteps mail;
    private final ReturnParcels returnParcels;
    private final Marketplaces marketplaces;
    private final LabelPreview labels;
    private final JsonMapper json;
    private final ReturnReceipts returnReceipts;

    public ConsoleCase(Cases cases, CaseRepository repository, RefundRepository refunds, RefundLedger ledger,
                       RefundPlanner planner, InterceptRepository intercepts, EmailLog emails, MailSteps mail,
                       ReturnParcels returnParcels, ReturnReceipts returnReceipts, Marketplaces marketplaces,
                       LabelPreview labels, JsonMapper json) {
        this.cases = cases;
        this.repository = repository;
        this.refunds = refunds;
        this.ledger = ledger;
        this.planner = planner;
        this.intercepts = intercepts;
        this.emails = emails;
        this.mail = mail;
        this.returnParcels = returnParcels;
        this.marketplaces = marketplaces;
        this.labels = labels;
        this.json = json;
        this.returnReceipts = returnReceipts;
    }

    /** What an operator may do with the case now; the page offers only these. */
    public record Actions(boolean retry, boolean received, boolean close, boolean refund, Money refundable) {
        public boolean any() {
            return retry || received || close || refund;
        }
    }

    @GetMapping("/console/cases/{caseId}")
    public String show(@PathVariable String caseId, Model model) {
        ReturnCase c = cases.get(caseId);
        List<TimelineEvent> timeline = repository.timeline(caseId);
        List<EmailLog.Logged> sent = emails.loggedByCase(caseId);
        var refundList = refunds.listByCase(caseId);
        model.addAttribute("c", c);
        model.addAttribute("timeline", timeline);
        model.addAttribute("tracking", timeline.stream().filter(e -> TRACKING_TYPES.contains(e.type())).toList());
        model.addAttribute("decision", decision(timeline));
        model.addAttribute("emails", sent);
        model.addAttribute("refunds", refundList);
        model.addAttribute("intercept", intercepts.find(caseId).orElse(null));
        model.addAttribute("returnParcel", returnParcels.find(caseId).orElse(null));
        model.addAttribute("marketplaceAnswer", marketplaces.find(c.marketplace())
                .flatMap(m -> m.refundDetails(caseId)).map(this::fields).orElse(Map.of()));
        model.addAttribute("hasLabel", sent.stream().anyMatch(e -> e.kind().equals(EmailKind.RETURN_LABEL.name())));
        boolean waiting = c.status() == CaseStatus.AWAITING_BUYER || c.status() == CaseStatus.AWAITING_RETURN;
        boolean refundable = c.status().canMoveTo(CaseStatus.REFUND_PENDING) && refundList.isEmpty()
                && c.status().phase() != Phase.ACTIVE;
        model.addAttribute("actions", new Actions(
                c.status() == CaseStatus.MANUAL_REVIEW || waiting,
                waiting,
                c.status().canMoveTo(CaseStatus.CLOSED),
                refundable,
                refundable ? ledger.refundable(c) : null));
        return "console/case";
    }

    /** The label as buyers got it, as a picture for the page. */
    @GetMapping(value = "/console/cases/{caseId}/label.png", produces = MediaType.IMAGE_PNG_VALUE)
    public ResponseEntity<byte[]> labelPreview(@PathVariable String caseId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
                .body(labels.png(mail.label(cases.get(caseId))));
    }

    @GetMapping(value = "/console/cases/{caseId}/label.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> label(@PathVariable String caseId) {
        ReturnCase c = cases.get(caseId);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("return-label-" + c.request().returnId().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf")
                        .build().toString())
                .body(mail.label(c));
    }

    /**
     * One email as its recipient saw it, for a sandboxed frame in the case page: the HTML body as sent (buyer text in
     * it was escaped when it was written), with no script, form or outside resource allowed to run or load.
     */
    @GetMapping(value = "/console/cases/{caseId}/emails/{emailId}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> email(@PathVariable String caseId, @PathVariable long emailId) {
        EmailLog.Body body = emails.body(caseId, emailId).orElseThrow(() -> new CaseNotFoundException(caseId));
        String html = body.htmlBody() != null ? body.htmlBody()
                : "<pre style=\"white-space:pre-wrap;font-family:sans-serif\">"
                + HtmlUtils.htmlEscape(body.textBody() == null ? "" : body.textBody()) + "</pre>";
        return ResponseEntity.ok()
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'")
                .cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html);
    }

    @PostMapping("/console/cases/{caseId}/retry")
    public String retry(@PathVariable String caseId, Principal principal, RedirectAttributes flash) {
        CaseStatus before = cases.get(caseId).status();
        ReturnCase after = cases.retry(caseId, ConsoleModel.actor(principal));
        flash.addFlashAttribute("done", "action.retry.done");
        flash.addFlashAttribute("doneArgs", new Object[] {before.name(), after.status().name()});
        return "redirect:/console/cases/" + caseId;
    }

    @PostMapping("/console/cases/{caseId}/received")
    public String received(@PathVariable String caseId, Principal principal, RedirectAttributes flash) {
        returnReceipts.confirm(caseId, ConsoleModel.actor(principal));
        flash.addFlashAttribute("done", "action.received.done");
        return "redirect:/console/cases/" + caseId;
    }

    @PostMapping("/console/cases/{caseId}/close")
    public String close(@PathVariable String caseId, @RequestParam String reason, Principal principal,
                        RedirectAttributes flash) {
        cases.close(caseId, reason, ConsoleModel.actor(principal));
        flash.addFlashAttribute("done", "action.close.done");
        return "redirect:/console/cases/" + caseId;
    }

    @PostMapping("/console/cases/{caseId}/refund")
    public String refund(@PathVariable String caseId, @RequestParam BigDecimal amount, Principal principal,
                         RedirectAttributes flash) {
        ReturnCase c = cases.get(caseId);
        planner.partialByOperator(caseId, new Money(amount, c.request().currency()), ConsoleModel.actor(principal));
        flash.addFlashAttribute("done", "action.refund.done");
        flash.addFlashAttribute("doneArgs", new Object[] {amount.toPlainString() + " " + c.request().currency()});
        return "redirect:/console/cases/" + caseId;
    }

    /** A refused action comes back to the case page with the reason, and nothing changed. */
    @ExceptionHandler({IllegalTransitionException.class, RefundRefusedException.class, IllegalArgumentException.class})
    public String refused(RuntimeException e, HttpServletRequest request,
                          RedirectAttributes flash) {
        String caseId = request.getRequestURI().replaceFirst("^/console/cases/([^/]+).*$", "$1");
        flash.addFlashAttribute("refused", e.getMessage());
        return "redirect:/console/cases/" + caseId;
    }

    @ExceptionHandler(CaseNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound(CaseNotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "console/not-found";
    }

    /** The first decision after the shipment check: where the case went, and the gateway's words for why. */
    private static TimelineEvent decision(List<TimelineEvent> timeline) {
        boolean checked = false;
        for (TimelineEvent event : timeline) {
            if (!"STATUS".equals(event.type())) {
                continue;
            }
            if ("SHIPMENT_CHECKED".equals(event.outcome())) {
                checked = true;
            } else if (checked && DECISIONS.contains(event.outcome())) {
                return event;
            }
        }
        return null;
    }

    /** A marketplace's own record of the refund (Amazon's feed and its answer) as labelled values, not JSON. */
    private Map<String, String> fields(Object details) {
        Map<String, String> fields = new LinkedHashMap<>();
        json.valueToTree(details).properties().forEach(entry -> {
            if (!entry.getValue().isNull()) {
                fields.put(entry.getKey(), entry.getValue().isValueNode() ? entry.getValue().asString()
                        : entry.getValue().toString());
            }
        });
        return fields;
    }
}
