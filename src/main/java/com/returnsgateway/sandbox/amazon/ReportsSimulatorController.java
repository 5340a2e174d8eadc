package com.returnsgateway.sandbox.amazon;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.returnsgateway.sandbox.SandboxEnabled;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reports API 2021-06-30 under {@code /sandbox/amazon/sp/reports/2021-06-30}. */
@RestController
@RequestMapping(SpApiInterceptor.SP_ROOT + "/reports/2021-06-30")
@SandboxEnabled
public class ReportsSimulatorController {

    private final ReportsSimulator reports;
    private final SimulatedS3 s3;

    public ReportsSimulatorController(ReportsSimulator reports, SimulatedS3 s3) {
        this.reports = reports;
        this.s3 = s3;
    }

    @PostMapping("/reports")
    @SpApi(SpOperation.CREATE_REPORT)
    public ResponseEntity<ObjectNode> createReport(@RequestAttribute(SpApiInterceptor.CALLER) SpCaller caller,
                                                   @RequestBody(required = false) JsonNode body) {
        ObjectNode answer = AmazonJson.object();
        answer.put("reportId", reports.create(caller, body));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }

    /** getReports: the query is read from the raw parameters, as its arrays may come comma-separated or repeated. */
    @GetMapping("/reports")
    @SpApi(SpOperation.GET_REPORTS)
    public ObjectNode getReports(@RequestAttribute(SpApiInterceptor.CALLER) SpCaller caller,
                                 HttpServletRequest request) {
        return reports.list(caller, ReportListQuery.parse(request.getParameterMap(), reports.now()));
    }

    @GetMapping("/reports/{reportId}")
    @SpApi(SpOperation.GET_REPORT)
    public ObjectNode getReport(@RequestAttribute(SpApiInterceptor.CALLER) SpCaller caller,
                                @PathVariable("reportId") String reportId) {
        return reports.poll(caller, reportId);
    }

    @GetMapping("/documents/{reportDocumentId}")
    @SpApi(SpOperation.GET_REPORT_DOCUMENT)
    public ObjectNode getReportDocument(@RequestAttribute(SpApiInterceptor.CALLER) SpCaller caller,
                                        @PathVariable("reportDocumentId") String documentId,
                                        HttpServletRequest request) {
        ReportsSimulator.Document document = reports.document(caller, documentId);
        ObjectNode answer = AmazonJson.object();
        answer.put("reportDocumentId", document.documentId());
        answer.put("url", s3.presign(request, "GET", SimulatedS3.REPORT_DOCUMENTS, document.documentId()));
        answer.put("compressionAlgorithm", "GZIP");
        return answer;
    }
}
