package com.returnsgateway.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpResponsesTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void closeCamel() throws Exception {
        camel.close();
    }

    @Test
    void aSuccessReturnsTheBody() {
        Exchange exchange = response(200, "{\"refundId\":\"RF-1\"}");

        assertThat(HttpResponses.requireSuccess(exchange, "back office")).isEqualTo("{\"refundId\":\"RF-1\"}");
        assertThat(HttpResponses.status(exchange)).isEqualTo(200);
    }

    @Test
    void anyTwoHundredIsASuccess() {
        assertThat(HttpResponses.requireSuccess(response(201, "created"), "back office")).isEqualTo("created");
        assertThat(HttpResponses.requireSuccess(response(204, null), "back office")).isNull();
    }

    @Test
    void serviceUnavailableIsTransientAndHonoursRetryAfterSeconds() {
        Exchange exchange = response(503, "Service Unavailable");
        exchange.getMessage().setHeader("Retry-After", "120");

        RemoteCallException e = failure(exchange, "forwarder 4px");

        assertThat(e.isTransient()).isTrue();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(e).hasMessage("forwarder 4px answered HTTP 503: Service Unavailable");
    }

    @Test
    void retryAfterWithSpacesIsRead() {
        Exchange exchange = response(503, null);
        exchange.getMessage().setHeader("Retry-After", " 7 ");

        assertThat(failure(exchange, "forwarder 4px").retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsADateInTheFutureIsHonoured() {
        Exchange exchange = response(503, null);
        exchange.getMessage().setHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusHours(1)));

        assertThat(failure(exchange, "forwarder 4px").retryAfter())
                .isBetween(Duration.ofMinutes(55), Duration.ofMinutes(60));
    }

    @Test
    void retryAfterAsADateInThePastMeansNow() {
        Exchange exchange = response(503, null);
        exchange.getMessage().setHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");

        assertThat(failure(exchange, "forwarder 4px").retryAfter()).isEqualTo(Duration.ZERO);
    }

    @Test
    void anUnreadableRetryAfterIsIgnored() {
        Exchange exchange = response(503, null);
        exchange.getMessage().setHeader("Retry-After", "soon");

        RemoteCallException e = failure(exchange, "forwarder 4px");

        assertThat(e.isTransient()).isTrue();
        assertThat(e.retryAfter()).isNull();
    }

    @Test
    void tooManyRequestsIsTransient() {
        Exchange exchange = response(429, "rate limited");
        exchange.getMessage().setHeader("Retry-After", "30");

        RemoteCallException e = failure(exchange, "marketplace sandbox-us");

        assertThat(e.isTransient()).isTrue();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e).hasMessage("marketplace sandbox-us answered HTTP 429: rate limited");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 504})
    void serverErrorsAreTransient(int status) {
        RemoteCallException e = failure(response(status, "upstream trouble"), "back office");

        assertThat(e.isTransient()).isTrue();
        assertThat(e.retryAfter()).isNull();
        assertThat(e).hasMessage("back office answered HTTP " + status + ": upstream trouble");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422, 301})
    void otherStatusesArePermanent(int status) {
        Exchange exchange = response(status, "{\"error\":\"no such waybill\"}");
        exchange.getMessage().setHeader("Retry-After", "30");

        RemoteCallException e = failure(exchange, "forwarder 4px");

        assertThat(e.isTransient()).isFalse();
        assertThat(e.retryAfter()).isNull();
        assertThat(e).hasMessage("forwarder 4px answered HTTP " + status + ": {\"error\":\"no such waybill\"}");
    }

    @Test
    void aNotFoundWithoutBodySaysOnlyTheStatus() {
        assertThat(failure(response(404, ""), "forwarder 4px")).hasMessage("forwarder 4px answered HTTP 404");
        assertThat(failure(response(404, null), "forwarder 4px")).hasMessage("forwarder 4px answered HTTP 404");
    }

    @Test
    void aLongBodyIsAbbreviatedToOneLine() {
        String body = "<html>\n  <body>\n    " + "x".repeat(1000) + "\n  </body>\n</html>";

        RemoteCallException e = failure(response(400, body), "back office");

        String expectedBody = ("<html> <body> " + "x".repeat(1000)).substring(0, 300) + "...";
        assertThat(e).hasMessage("back office answered HTTP 400: " + expectedBody);
        assertThat(e.getMessage()).doesNotContain("\n").hasSize("back office answered HTTP 400: ".length() + 303);
    }

    @Test
    void noResponseAtAllIsTransient() {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody("request body");

        RemoteCallException e = failure(exchange, "forwarder 4px");

        assertThat(e.isTransient()).isTrue();
        assertThat(e).hasMessage("no HTTP response received");
    }

    private Exchange response(int status, String body) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    private static RemoteCallException failure(Exchange exchange, String what) {
        RemoteCallException e = catchThrowableOfType(RemoteCallException.class,
                () -> HttpResponses.requireSuccess(exchange, what));
        assertThat(e).as("expected a RemoteCallException").isNotNull();
        return e;
    }
}
