package com.returnsgateway.sandbox.amazon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.returnsgateway.sandbox.SandboxEnabled;

/**
 * The pre-signed document URLs: report documents (GZIP bytes) and feed documents (PUT to upload, GET to read; the
 * processing reports are feed documents too). Refusals are S3's: 403 with an XML {@code <Error>} body.
 */
@RestController
@RequestMapping("/sandbox/amazon/s3")
@SandboxEnabled
public class S3SimulatorController {

    private final SimulatedS3 s3;
    private final ReportsSimulator reports;
    private final FeedsSimulator feeds;

    public S3SimulatorController(SimulatedS3 s3, ReportsSimulator reports, FeedsSimulator feeds) {
        this.s3 = s3;
        this.reports = reports;
        this.feeds = feeds;
    }

    @GetMapping("/" + SimulatedS3.REPORT_DOCUMENTS + "/{id}")
    public ResponseEntity<byte[]> reportDocument(@PathVariable("id") String id,
                                                 @RequestParam(name = "X-Amz-Date", required = false) String date,
                                                 @RequestParam(name = "X-Amz-Expires", required = false) String expires,
                                                 @RequestParam(name = "X-Amz-SignedHeaders", required = false)
                                                 String signedHeaders,
                                                 @RequestParam(name = "X-Amz-Signature", required = false)
                                                 String signature,
                                                 HttpServletRequest request) {
        ResponseEntity<byte[]> refused = refusal("GET", SimulatedS3.REPORT_DOCUMENTS, id, date, expires,
                signedHeaders, signature, request);
        if (refused != null) {
            return refused;
        }
        return reports.document(id)
                .map(d -> ok(d.gzipped(), MediaType.APPLICATION_OCTET_STREAM_VALUE))
                .orElseGet(() -> noSuchKey(id));
    }

    @GetMapping("/" + SimulatedS3.FEED_DOCUMENTS + "/{id}")
    public ResponseEntity<byte[]> feedDocument(@PathVariable("id") String id,
                                               @RequestParam(name = "X-Amz-Date", required = false) String date,
                                               @RequestParam(name = "X-Amz-Expires", required = false) String expires,
                                               @RequestParam(name = "X-Amz-SignedHeaders", required = false)
                                               String signedHeaders,
                                               @RequestParam(name = "X-Amz-Signature", required = false)
                                               String signature,
                                               HttpServletRequest request) {
        ResponseEntity<byte[]> refused = refusal("GET", SimulatedS3.FEED_DOCUMENTS, id, date, expires,
                signedHeaders, signature, request);
        if (refused != null) {
            return refused;
        }
        return feeds.document(id)
                .filter(d -> d.content() != null)
                .map(d -> ok(d.content(), d.contentType()))
                .orElseGet(() -> noSuchKey(id));
    }

    @PutMapping("/" + SimulatedS3.FEED_DOCUMENTS + "/{id}")
    public ResponseEntity<byte[]> uploadFeedDocument(@PathVariable("id") String id,
                                                     @RequestParam(name = "X-Amz-Date", required = false) String date,
                                                     @RequestParam(name = "X-Amz-Expires", required = false)
                                                     String expires,
                                                     @RequestParam(name = "X-Amz-SignedHeaders", required = false)
                                                     String signedHeaders,
                                                     @RequestParam(name = "X-Amz-Signature", required = false)
                                                     String signature,
                                                     HttpServletRequest request) throws IOException {
        ResponseEntity<byte[]> refused = refusal("PUT", SimulatedS3.FEED_DOCUMENTS, id, date, expires,
                signedHeaders, signature, request);
        if (refused != null) {
            return refused;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) FeedsSimulator.MAX_DOCUMENT_BYTES + 1);
        }
        if (body.length > FeedsSimulator.MAX_DOCUMENT_BYTES) {
            return error(HttpStatus.BAD_REQUEST, "EntityTooLarge",
                    "Your proposed upload exceeds the maximum allowed size", "");
        }
        if (!feeds.upload(id, body)) {
            return noSuchKey(id);
        }
        return ResponseEntity.ok().header("ETag", "\"" + md5(body) + "\"")
                .header("x-amz-request-id", requestId()).build();
    }

    private ResponseEntity<byte[]> refusal(String method, String bucket, String id, String date, String expires,
                                           String signedHeaders, String signature, HttpServletRequest request) {
        return switch (s3.check(method, bucket, id, date, expires, signedHeaders, signature,
                request.getHeader("Content-Type"))) {
            case OK -> null;
            case MISSING -> error(HttpStatus.FORBIDDEN, "AccessDenied",
                    "Query-string authentication requires the X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders and "
                            + "X-Amz-Signature parameters", "");
            case BAD_SIGNATURE -> error(HttpStatus.FORBIDDEN, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided. Check your key and "
                            + "signing method.", "");
            case EXPIRED -> error(HttpStatus.FORBIDDEN, "AccessDenied", "Request has expired",
                    "<X-Amz-Expires>" + escape(expires) + "</X-Amz-Expires><Expires>"
                            + escape(SimulatedS3.expiredAt(date, expires)) + "</Expires><ServerTime>"
                            + s3.now() + "</ServerTime>");
        };
    }

    private static ResponseEntity<byte[]> ok(byte[] body, String contentType) {
        return ResponseEntity.ok().header("Content-Type", contentType).header("x-amz-request-id", requestId())
                .body(body);
    }

    private static ResponseEntity<byte[]> noSuchKey(String id) {
        return error(HttpStatus.NOT_FOUND, "NoSuchKey", "The specified key does not exist.",
                "<Key>" + escape(id) + "</Key>");
    }

    /** S3's XML error; {@code extra} is XML placed before the request id. */
    static ResponseEntity<byte[]> error(HttpStatus status, String code, String message, String extra) {
        String requestId = requestId();
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + escape(message) + "</Message>" + extra + "<RequestId>" + requestId + "</RequestId></Error>";
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_XML)
                .header("x-amz-request-id", requestId).body(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String requestId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String md5(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
