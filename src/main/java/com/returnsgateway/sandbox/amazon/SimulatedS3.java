package com.returnsgateway.sandbox.amazon;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.returnsgateway.sandbox.SandboxEnabled;

/**
 * Pre-signed document URLs on this server, in the shape of S3's query-string authentication: the signature is an
 * HMAC (key made at startup) over method, path, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders and the values of
 * the signed headers other than host, so a URL works for the one method and document it was made for, until it
 * expires by the injected {@link Clock}. An upload URL signs {@code content-type;host} as Amazon's feed document
 * URLs do: a PUT whose Content-Type differs from the one given to createFeedDocument does not match the signature.
 */
@Component
@SandboxEnabled
public class SimulatedS3 {

    public static final String REPORT_DOCUMENTS = "report-documents";
    public static final String FEED_DOCUMENTS = "feed-documents";
    static final String BASE = "/sandbox/amazon/s3/";
    static final String HOST_ONLY = "host";
    static final String CONTENT_TYPE_AND_HOST = "content-type;host";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Duration lifetime;
    private final byte[] key = new byte[32];

    @Autowired
    public SimulatedS3(AmazonSimulatorProperties properties, ObjectProvider<Clock> clock) {
        this(properties.getDocumentUrlLifetime(), clock.getIfAvailable(Clock::systemUTC));
    }

    SimulatedS3(Duration lifetime, Clock clock) {
        this.clock = clock;
        this.lifetime = lifetime;
        new SecureRandom().nextBytes(key);
    }

    /** Why a pre-signed request is refused, or OK. */
    public enum Verdict {
        OK, MISSING, BAD_SIGNATURE, EXPIRED
    }

    /** An absolute URL for {@code method} on the document, on the host and port the request came in on. */
    public String presign(HttpServletRequest request, String method, String bucket, String documentId) {
        return presign(request, method, bucket, documentId, null);
    }

    /**
     * An absolute URL for {@code method} on the document that also signs the Content-Type, when one is given: the
     * request must then send exactly that Content-Type (up to the spaces S3 trims and collapses).
     */
    public String presign(HttpServletRequest request, String method, String bucket, String documentId,
                          String contentType) {
        String path = BASE + bucket + "/" + documentId;
        String date = AMZ_DATE.format(clock.instant());
        String expires = Long.toString(lifetime.toSeconds());
        String signedHeaders = contentType == null ? HOST_ONLY : CONTENT_TYPE_AND_HOST;
        return ServletUriComponentsBuilder.fromContextPath(request)
                .path(path)
                .queryParam("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
                .queryParam("X-Amz-Date", date)
                .queryParam("X-Amz-Expires", expires)
                .queryParam("X-Amz-SignedHeaders", signedHeaders.replace(";", "%3B"))
                .queryParam("X-Amz-Signature", sign(method, path, date, expires, signedHeaders, contentType))
                .build(true)
                .toUriString();
    }

    /**
     * Checks a pre-signed request: its query parameters, and the Content-Type it was sent with (null when none),
     * which only counts when X-Amz-SignedHeaders names it.
     */
    public Verdict check(String method, String bucket, String documentId, String date, String expires,
                         String signedHeaders, String signature, String contentType) {
        if (date == null || expires == null || signature == null || signedHeaders == null) {
            return Verdict.MISSING;
        }
        String signedContentType;
        if (signedHeaders.equals(CONTENT_TYPE_AND_HOST)) {
            signedContentType = contentType == null ? "" : contentType;
        } else if (signedHeaders.equals(HOST_ONLY)) {
            signedContentType = null;
        } else {
            return Verdict.BAD_SIGNATURE;
        }
        String path = BASE + bucket + "/" + documentId;
        byte[] expected = sign(method, path, date, expires, signedHeaders, signedContentType)
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.BAD_SIGNATURE;
        }
        try {
            Instant signedAt = AMZ_DATE.parse(date, Instant::from);
            Instant expiresAt = signedAt.plusSeconds(Long.parseLong(expires));
            return clock.instant().isBefore(expiresAt) ? Verdict.OK : Verdict.EXPIRED;
        } catch (DateTimeParseException | NumberFormatException e) {
            return Verdict.BAD_SIGNATURE;
        }
    }

    /** When a URL signed at {@code date} for {@code expires} seconds stopped working (for the error body). */
    static String expiredAt(String date, String expires) {
        try {
            return AMZ_DATE.parse(date, Instant::from).plusSeconds(Long.parseLong(expires)).toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    Instant now() {
        return clock.instant();
    }

    /** The canonical value of a signed header, as SigV4 takes it: trimmed, runs of spaces made one. */
    private static String canonical(String headerValue) {
        return headerValue.strip().replaceAll("\\s+", " ");
    }

    private String sign(String method, String path, String date, String expires, String signedHeaders,
                        String contentType) {
        String headers = contentType == null ? "" : "content-type:" + canonical(contentType) + "\n";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((method + "\n" + path + "\n" + date + "\n" + expires + "\n" + headers
                    + signedHeaders).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
