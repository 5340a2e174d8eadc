package com.returnsgateway.adapter.sftp;

import static com.returnsgateway.core.RouteVariables.FORWARDER;
import static com.returnsgateway.core.RouteVariables.REPORT;
import static com.returnsgateway.core.RouteVariables.REPORT_FILE;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.remote.BoundedBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
    private final long maxFileBytes;

    public SftpFileSteps(SftpForwarderFiles files, SftpIntercepts intercepts, GatewayProperties properties) {
        this.files = files;
        this.intercepts = intercepts;
        this.maxFileBytes = properties.sftp().maxFileSize().toBytes();
    }

    /**
     * Sets the target folder header, and {@code report} / {@code reportFile} when the file had problems. The body is
     * the download stream: a file listed larger than the limit is not read at all, and no file is read past it.
     */
    public void process(@Variable(FORWARDER) String forwarder, Exchange exchange) throws IOException {
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Long listedSize = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        BoundedBody body = listedSize != null && listedSize > maxFileBytes ? null
                : BoundedBody.read(exchange.getMessage().getBody(InputStream.class), maxFileBytes);
        byte[] bytes = body == null ? null : body.bytes();
        FileReport report;
        if (body == null || body.tooLarge()) {
            report = files.unreadable(forwarder, fileName, "the file is " + (body == null ? listedSize + " bytes"
                    : "longer than that") + "; at most " + maxFileBytes + " are accepted (gateway.sftp.max-file-size)"
                    + " and it was not read");
        } else {
            Optional<String> content = utf8(bytes);
            Optional<FileKind> kind = FileKind.of(fileName);
            if (bytes != null && content.isEmpty()) {
                report = files.unreadable(forwarder, fileName, "the file is not UTF-8 (" + firstBadByte(bytes)
                        + "); forwarder files must be UTF-8");
            } else if (kind.isPresent() && kind.get() == FileKind.STATUSES) {
                report = files.processStatuses(forwarder, fileName, content.orElse(null));
            } else {
                report = files.processResults(forwarder, fileName, content.orElse(null));
            }
        }
        report.caseIds().forEach(caseId -> intercepts.resume(caseId, fileName));
        boolean clean = report.status() == FileReport.Status.PROCESSED || report.status() == FileReport.Status.DUPLICATE;
        exchange.getMessage().setHeader(TARGET_FOLDER, clean ? "done" : "error");
        exchange.setVariable(REPORT, clean ? null : report.text());
        exchange.setVariable(REPORT_FILE, report.reportFileName());
    }

    /** Strict UTF-8: malformed bytes are not turned into U+FFFD, the file is refused. */
    private static Optional<String> utf8(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(decoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String firstBadByte(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder().decode(in, CharBuffer.allocate(bytes.length + 1), true);
        return result.isError() ? String.format("byte 0x%02X at offset %d", bytes[in.position()] & 0xff, in.position())
                : "an incomplete character at the end";
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
