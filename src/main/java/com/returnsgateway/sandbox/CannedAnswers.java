package com.returnsgateway.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * One-shot answers for bad-input experiments: the next matching call to a simulated API gets these raw bytes, status
 * and content type instead of its normal answer (an HTML page with HTTP 200, truncated JSON, an empty body…), once.
 * Set through {@code PUT /sandbox/marketplace/{marketplace}/next-page} and
 * {@code PUT /sandbox/forwarders/{code}/next-response}.
 */
@Component
@SandboxEnabled
public class CannedAnswers {

    /** Which call an answer is for: {@code target} is a marketplace or forwarder code, {@code call} the operation. */
    public record Canned(String target, String call, String waybill, int status, String contentType, byte[] body) {

        boolean matches(String target, String call, String waybill) {
            return this.target.equals(target) && (this.call == null || this.call.equals(call))
                    && (this.waybill == null || this.waybill.equals(waybill));
        }

        public ResponseEntity<byte[]> response() {
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.valueOf(status));
            if (contentType != null && !contentType.isBlank()) {
                answer.header(HttpHeaders.CONTENT_TYPE, contentType);
            } else {
                answer.contentType(MediaType.APPLICATION_OCTET_STREAM);
            }
            return answer.body(body);
        }
    }

    private final List<Canned> pending = new ArrayList<>();

    public synchronized void add(Canned canned) {
        pending.add(canned);
    }

    /** The first answer waiting for this call, removed: it is answered once. */
    public synchronized Optional<Canned> take(String target, String call, String waybill) {
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).matches(target, call, waybill)) {
                return Optional.of(pending.remove(i));
            }
        }
        return Optional.empty();
    }

    public synchronized int size() {
        return pending.size();
    }

    public synchronized void clear() {
        pending.clear();
    }
}
