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
 * HMAC (key made at startup) over method, path, X-Amz-Date and X-Amz-Expires, so a URL works for the one method
 * and document it was made for, until it expires by the injected {@link Clock}.
 */
@Component
@SandboxEnabled
public class SimulatedS3 {

    public static final String REPORT_DOCUMENTS = "report-documents";
    public static final String FEED_DOCUMENTS = "feed-documents";
    static final String BASE = "/sandbox/amazon/s3/";
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
        String path = BASE + bucket + "/" + documentId;
        String date = AMZ_DATE.format(clock.instant());
        String expires = Long.toString(lifetime.toSeconds());
        return ServletUriComponentsBuilder.fromContextPath(request)
                .path(path)
                .queryParam("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
                .queryParam("X-Amz-Date", date)
                .queryParam("X-Amz-Expires", expires)
                .queryParam("X-Amz-SignedHeaders", "host")
                .queryParam("X-Amz-Signature", sign(method, path, date, expires))
                .build()
                .toUriString();
    }

    public Verdict check(String method, String bucket, String documentId, String date, String expires,
                         String signature) {
        if (date == null || expires == null || signature == null) {
            return Verdict.MISSING;
        }
        String path = BASE + bucket + "/" + documentId;
        byte[] expected = sign(method, path, date, expires).getBytes(StandardCharsets.US_ASCII);
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

    private String sign(String method, String path, String date, String expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((method + "\n" + path + "\n" + date + "\n" + expires)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
