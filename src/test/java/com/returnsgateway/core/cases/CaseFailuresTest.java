package com.returnsgateway.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.config.TestGatewayProperties;
import com.returnsgateway.core.remote.RemoteCallException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;

class CaseFailuresTest {

    @Test
    void aTransientRemoteFailureIsRetried() {
        assertThat(CaseFailures.isTransient(
                RemoteCallException.transientFailure("4px answered HTTP 503", Duration.ofSeconds(30)))).isTrue();
    }

    @Test
    void aPermanentRemoteFailureIsNotRetried() {
        assertThat(CaseFailures.isTransient(RemoteCallException.permanent("4px answered HTTP 404"))).isFalse();
    }

    @Test
    void aRemoteFailureDecidesEvenWhenItWrapsAnIoFailure() {
        RemoteCallException permanent = RemoteCallException.permanent("back office answered HTTP 400");
        permanent.initCause(new IOException("connection reset"));

        assertThat(CaseFailures.isTransient(permanent)).isFalse();
    }

    @Test
    void aWrappedRemoteFailureKeepsItsVerdict() {
        assertThat(CaseFailures.isTransient(new RuntimeException("step failed",
                RemoteCallException.permanent("marketplace answered HTTP 422")))).isFalse();
        assertThat(CaseFailures.isTransient(new RuntimeException("step failed",
                RemoteCallException.transientFailure("marketplace answered HTTP 429", null)))).isTrue();
    }

    @Test
    void ioFailuresAreTransient() {
        assertThat(CaseFailures.isTransient(new IOException("connection reset"))).isTrue();
        assertThat(CaseFailures.isTransient(new SocketTimeoutException("Read timed out"))).isTrue();
        assertThat(CaseFailures.isTransient(new ConnectException("Connection refused"))).isTrue();
    }

    @Test
    void anIoFailureWrappedAsACauseIsTransient() {
        assertThat(CaseFailures.isTransient(new IllegalStateException("call failed",
                new RuntimeException("camel", new SocketTimeoutException("Read timed out"))))).isTrue();
        assertThat(CaseFailures.isTransient(new UncheckedIOException(new IOException("disk")))).isTrue();
    }

    @Test
    void mailFailuresAreTransient() {
        assertThat(CaseFailures.isTransient(new jakarta.mail.MessagingException("451 try again later"))).isTrue();
        assertThat(CaseFailures.isTransient(new jakarta.mail.SendFailedException("Invalid Addresses"))).isTrue();
        assertThat(CaseFailures.isTransient(new RuntimeException(new jakarta.mail.MessagingException("smtp"))))
                .isTrue();
    }

    @Test
    void databaseConnectionFailuresAreTransient() {
        assertThat(CaseFailures.isTransient(new DataAccessResourceFailureException("connection refused"))).isTrue();
        assertThat(CaseFailures.isTransient(new QueryTimeoutException("timeout"))).isTrue();
    }

    @Test
    void programmingAndDataErrorsArePermanent() {
        assertThat(CaseFailures.isTransient(new IllegalStateException("no refund instruction"))).isFalse();
        assertThat(CaseFailures.isTransient(new IllegalArgumentException("currency mismatch: USD and EUR")))
                .isFalse();
        assertThat(CaseFailures.isTransient(new NullPointerException())).isFalse();
        assertThat(CaseFailures.isTransient(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(CaseFailures.isTransient(new RuntimeException("wrapped", new IllegalStateException("bad"))))
                .isFalse();
    }

    @Test
    void anUnknownFailureIsPermanent() {
        assertThat(CaseFailures.isTransient(null)).isFalse();
    }

    @Test
    void aRetryAfterOfTwoDaysCountsAsAnAttemptAtTheCap() {
        CaseFailures failures = new CaseFailures(null, null, null, TestGatewayProperties.standard(), null, Clock.systemUTC());

        assertThat(failures.delay(1, RemoteCallException.transientFailure("marketplace answered HTTP 429",
                Duration.ofDays(2)))).isEqualTo(Duration.ofHours(1));
        assertThat(failures.delay(1, RemoteCallException.transientFailure("marketplace answered HTTP 429",
                Duration.ofMinutes(20)))).as("below the cap, honoured").isEqualTo(Duration.ofMinutes(20));
    }
}
