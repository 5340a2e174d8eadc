package com.returnsgateway.core.cases;

import static com.returnsgateway.core.RouteVariables.CASE_ID;
import static com.returnsgateway.core.RouteVariables.CLAIM_TOKEN;
import static com.returnsgateway.core.RouteVariables.NOTIFY_OPERATIONS;
import static com.returnsgateway.core.RouteVariables.REVIEW_REASON;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.mail.OperationsAlerts;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.core.logging.PiiMask;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * What happens when a step fails. Transient failures (I/O, 5xx, 429, SMTP, database connection) are tried again
 * later with exponential backoff and jitter, honouring Retry-After (capped at
 * {@code gateway.retry.max-retry-after}); the next attempt time is stored on the case, so
 * it survives a restart. Permanent failures, and transient ones that ran out of attempts, put the case in manual
 * review with the reason, and set {@code notifyOperations}.
 */
@Component
public class CaseFailures {

    private static final Logger log = LoggerFactory.getLogger(CaseFailures.class);

    private final Cases cases;
    private final CaseRepository repository;
    private final CaseQueue queue;
    private final GatewayProperties properties;
    private final OperationsAlerts alerts;
    private final Clock clock;

    public CaseFailures(Cases cases, CaseRepository repository, CaseQueue queue, GatewayProperties properties,
                        OperationsAlerts alerts, Clock clock) {
        this.cases = cases;
        this.repository = repository;
        this.queue = queue;
        this.properties = properties;
        this.alerts = alerts;
        this.clock = clock;
    }

    public void handle(@Variable(CASE_ID) String caseId, @Variable(CLAIM_TOKEN) String claimToken,
                       Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = describe(failure);
        exchange.setVariable(NOTIFY_OPERATIONS, false);
        Claim claim = new Claim(caseId, claimToken);
        try {
            if (!queue.renew(claim)) {
                // this worker outlived its lease: the worker that claimed the case since decides, not this one
                log.warn("Case {} failed ({}) after this worker's claim ran out; the worker holding it now goes on",
                        caseId, PiiMask.mask(reason));
                queue.release(claim);
                return;
            }
            RemoteCallException refused = refusedCredentials(failure);
            if (refused != null) {
                waitForCredentials(claim, refused, reason, exchange);
                return;
            }
            int attempts = cases.get(caseId).attempts() + 1;
            if (isTransient(failure) && attempts < properties.retry().maxAttempts()) {
                Instant next = clock.instant().plus(delay(attempts, failure));
                cases.record(caseId, "gateway", "ATTEMPT_FAILED", "Attempt " + attempts + " failed: " + reason
                        + "; next attempt at " + next, "RETRY");
                // last: this gives the claim back, and from then on the case may be claimed again
                repository.scheduleRetry(claim, attempts, next, reason, clock.instant());
                log.warn("Case {} attempt {} failed, retrying at {}: {}", caseId, attempts, next, PiiMask.mask(reason));
                queue.forget();
                return;
            }
            String why = isTransient(failure)
                    ? "Gave up after " + attempts + " attempts: " + reason
                    : "Cannot continue: " + reason;
            cases.sendToManualReview(caseId, why);
            exchange.setVariable(REVIEW_REASON, why);
            exchange.setVariable(NOTIFY_OPERATIONS, true);
            log.error("Case {} needs manual review: {}", caseId, PiiMask.mask(why));
            queue.release(claim);
        } catch (RuntimeException e) {
            log.error("Case {} failed ({}) and the failure could not be recorded: {}", caseId, PiiMask.mask(reason),
                    e.toString());
            // the database itself may be away: the case keeps its claim until the lease runs out and is then
            // picked up again (giving the claim back early could hand the case to a second worker)
            queue.forget();
        }
    }

    /**
     * Every case of that system would fail the same way until someone fixes its credentials: the case waits without
     * using up an attempt, and operations get one alert for the system (variables alert*), not one per case.
     */
    private void waitForCredentials(Claim claim, RemoteCallException refused, String reason, Exchange exchange) {
        String caseId = claim.caseId();
        Instant next = clock.instant().plus(properties.retry().credentialsRefusedDelay());
        cases.record(caseId, "gateway", "ATTEMPT_FAILED", reason + "; the case waits and tries again at " + next
                + " (operations are told once about " + refused.refusedCredentialsOf() + ")", "CREDENTIALS_REFUSED");
        repository.scheduleRetry(claim, cases.get(caseId).attempts(), next, reason, clock.instant());
        log.warn("Case {} waits until {}: {}", caseId, next, PiiMask.mask(reason));
        queue.forget();
        alerts.credentialsRefused(refused, reason + "\n\nEvery case that needs " + refused.refusedCredentialsOf()
                + " waits and is tried again every " + properties.retry().credentialsRefusedDelay()
                + " until its credentials are fixed", exchange);
    }

    private static RemoteCallException refusedCredentials(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RemoteCallException remote) {
                return remote.refusedCredentialsOf() != null ? remote : null;
            }
        }
        return null;
    }

    Duration delay(int attempts, Throwable failure) {
        GatewayProperties.Retry retry = properties.retry();
        double millis = retry.initialDelay().toMillis() * Math.pow(retry.multiplier(), attempts - 1);
        millis = Math.min(millis, retry.maxDelay().toMillis());
        millis = millis * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble());
        Duration backoff = Duration.ofMillis((long) millis);
        Duration retryAfter = retry.capRetryAfter(failure instanceof RemoteCallException remote
                ? remote.retryAfter() : null);
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RemoteCallException remote) {
                return remote.isTransient();
            }
            if (t instanceof IOException || t instanceof jakarta.mail.MessagingException
                    || t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof RemoteCallException)) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) + "..." : message;
    }
}
