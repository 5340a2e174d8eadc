package com.returnsgateway.api;

import com.returnsgateway.core.logging.CaseLogContext;
import com.returnsgateway.core.port.Marketplaces;
import com.returnsgateway.core.cases.CaseFilter;
import com.returnsgateway.core.cases.CasePage;
import com.returnsgateway.core.cases.CaseRepository;
import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.intake.Quarantine;
import com.returnsgateway.core.intercept.InterceptRepository;
import com.returnsgateway.core.mail.EmailLog;
import com.returnsgateway.core.mail.MailSteps;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.Phase;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.refund.RefundRepository;
import com.returnsgateway.core.returns.ReturnReceipts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Cases for operators and the back office: list, detail with timeline, the label, retry, and "parcel received". */
@RestController
@RequestMapping("/api")
@Tag(name = "cases", description = "Cases for operators and the back office; the quarantine of inputs that became none")
public class CasesApi {

    private static final int MAX_PAGE_SIZE = 200;

    private final Cases cases;
    private final CaseRepository repository;
    private final RefundRepository refunds;
    private final InterceptRepository intercepts;
    private final EmailLog emails;
    private final MailSteps mail;
    private final Quarantine quarantine;
    private final Marketplaces marketplaces;
    private final ReturnReceipts returnReceipts;

    public CasesApi(Cases cases, CaseRepository repository, RefundRepository refunds, InterceptRepository intercepts,
                    EmailLog emails, MailSteps mail, Quarantine quarantine,
                    Marketplaces marketplaces, ReturnReceipts returnReceipts) {
        this.cases = cases;
        this.returnReceipts = returnReceipts;
        this.marketplaces = marketplaces;
        this.repository = repository;
        this.refunds = refunds;
        this.intercepts = intercepts;
        this.emails = emails;
        this.mail = mail;
        this.quarantine = quarantine;
    }

    @GetMapping("/cases")
    @Operation(operationId = "listCases", summary = "Cases, newest first, paged; filters combine, an empty one is none")
    @ApiResponse(responseCode = "200", description = "One page of cases")
    @ApiResponse(responseCode = "400", description = "A filter or page value that is not valid (an unknown status)")
    public CaseList list(@RequestParam(required = false) CaseStatus status,
                         @RequestParam(required = false) Phase phase,
                         @RequestParam(required = false) String marketplace,
                         @RequestParam(required = false) String orderId,
                         @RequestParam(defaultValue = "0") int page,
                         @Parameter(description = "Cases per page, 1 to 200") @RequestParam(defaultValue = "50") int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        CasePage result = repository.search(new CaseFilter(status, phase, blankToNull(marketplace), blankToNull(orderId)),
                Math.max(0, page), pageSize);
        return new CaseList(result.cases().stream().map(CaseView::summary).toList(), result.page(), result.size(),
                result.total());
    }

    /** An empty filter (?marketplace=) means no filter, as in a form left blank. */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @GetMapping("/cases/{caseId}")
    @Operation(operationId = "getCase",
            summary = "One case with its request, timeline, refunds, intercept, emails, flags and Amazon refund")
    @ApiResponse(responseCode = "200", description = "The case")
    @ApiResponse(responseCode = "404", description = "No case with this id")
    public CaseView get(@PathVariable String caseId) {
        ReturnCase c = cases.get(caseId);
        return CaseView.detail(c, repository.timeline(caseId), refunds.listByCase(caseId),
                intercepts.find(caseId).orElse(null), emails.listByCase(caseId), repository.flags(caseId),
                marketplaces.find(c.marketplace()).flatMap(m -> m.refundDetails(caseId)).orElse(null));
    }

    @GetMapping(value = "/cases/{caseId}/label.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(operationId = "getLabel", summary = "The case's return label as the buyer got it (PDF, 4x6 inches)")
    @ApiResponse(responseCode = "200", description = "The label", content = @Content(
            mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No case with this id")
    public ResponseEntity<byte[]> label(@PathVariable String caseId) {
        ReturnCase c = cases.get(caseId);
        byte[] pdf = mail.label(c);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("return-label-" + c.request().returnId().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf")
                        .build().toString())
                .body(pdf);
    }

    @PostMapping("/cases/{caseId}/retry")
    @Operation(operationId = "retryCase", summary = "Resume a case in manual review, or re-check a waiting one, now",
            description = "No body: send X-Requested-By.")
    @ApiResponse(responseCode = "200", description = "The case after the retry was recorded")
    @ApiResponse(responseCode = "404", description = "No case with this id")
    @ApiResponse(responseCode = "409", description = "The case is neither in manual review nor waiting")
    public CaseView retry(@PathVariable String caseId, Principal principal) {
        try (CaseLogContext.Scope inCase = CaseLogContext.open(caseId)) {
            cases.retry(caseId, "api:" + principal.getName());
        }
        return get(caseId);
    }

    @PostMapping("/cases/{caseId}/received")
    @Operation(operationId = "returnReceived", summary = "The returned parcel arrived: the pending refund goes out",
            description = "No body: send X-Requested-By.")
    @ApiResponse(responseCode = "200", description = "The case after the receipt was recorded")
    @ApiResponse(responseCode = "404", description = "No case with this id")
    @ApiResponse(responseCode = "409", description = "The case is not waiting for its return")
    public CaseView received(@PathVariable String caseId, Principal principal) {
        returnReceipts.confirm(caseId, "api:" + principal.getName());
        return get(caseId);
    }

    /** Entries newest first, paged, without payloads: {@code /quarantine/{id}} has one entry with its payload. */
    @GetMapping("/quarantine")
    @Operation(operationId = "listQuarantine",
            summary = "Inputs that could not become a case, newest first, paged, without their payloads")
    @ApiResponse(responseCode = "200", description = "One page of entries")
    @ApiResponse(responseCode = "400", description = "A page value that is not a number")
    public Quarantine.Page quarantined(@RequestParam(defaultValue = "0") int page,
                                       @Parameter(description = "Entries per page, 1 to 200")
                                       @RequestParam(defaultValue = "50") int size) {
        return quarantine.list(Math.max(0, page), Math.max(1, Math.min(size, MAX_PAGE_SIZE)));
    }

    @GetMapping("/quarantine/{id}")
    @Operation(operationId = "getQuarantined", summary = "One quarantined input with its payload (the first 1 MB)")
    @ApiResponse(responseCode = "200", description = "The entry")
    @ApiResponse(responseCode = "400", description = "An id that is not a number")
    @ApiResponse(responseCode = "404", description = "No entry with this id")
    public Quarantine.Entry quarantinedEntry(@PathVariable long id) {
        return quarantine.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no quarantine entry " + id));
    }
}
