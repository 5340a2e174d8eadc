package com.returnsgateway.forwarder.sftp;

import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;

/**
 * A file downloaded from an SFTP forwarder: apply it, decide where it goes (done/ or, with any bad row, error/
 * beside its line-numbered report), and wake the cases whose intercept it answered.
 */
@Component
public class SftpFileSteps {

    /** Header the download endpoint's {@code move} option reads: the folder the file goes to. */
    public static final String TARGET_FOLDER = "ReturnsGatewayTargetFolder";

    private final SftpForwarderFiles files;
    private final SftpIntercepts intercepts;

    public SftpFileSteps(SftpForwarderFiles files, SftpIntercepts intercepts) {
        this.files = files;
        this.intercepts = intercepts;
    }

    /** Sets the target folder header, and {@code report} / {@code reportFile} when the file had problems. */
    public void process(@Variable("forwarder") String forwarder, Exchange exchange) {
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String content = exchange.getMessage().getBody(String.class);
        Optional<FileKind> kind = FileKind.of(fileName);
        FileReport report = kind.isPresent() && kind.get() == FileKind.STATUSES
                ? files.processStatuses(forwarder, fileName, content)
                : files.processResults(forwarder, fileName, content);
        report.caseIds().forEach(caseId -> intercepts.resume(caseId, fileName));
        boolean clean = report.status() == FileReport.Status.PROCESSED || report.status() == FileReport.Status.DUPLICATE;
        exchange.getMessage().setHeader(TARGET_FOLDER, clean ? "done" : "error");
        exchange.setVariable("report", clean ? null : report.text());
        exchange.setVariable("reportFile", report.reportFileName());
    }
}
