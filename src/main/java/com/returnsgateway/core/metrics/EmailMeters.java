package com.returnsgateway.core.metrics;

import static com.returnsgateway.core.RouteVariables.EMAIL_KIND;
import static com.returnsgateway.core.RouteVariables.OUTGOING_EMAIL;

import com.returnsgateway.core.mail.EmailKind;
import com.returnsgateway.core.mail.OutgoingEmail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Counts the emails handed to the SMTP server ({@code gateway.emails}, by kind, outcome sent or failed), as steps of
 * the one route every email takes (smtp-send, routes/remote-call.camel.yaml). An email the SMTP server's circuit
 * breaker held back was not tried, and is not counted: it is sent later.
 */
@Component
public class EmailMeters {

    private final MeterRegistry meters;

    public EmailMeters(MeterRegistry meters) {
        this.meters = meters;
        Arrays.stream(EmailKind.values()).forEach(kind -> {
            counter(kind.name(), "sent");
            counter(kind.name(), "failed");
        });
    }

    public void sent(Exchange exchange) {
        counter(kind(exchange), "sent").increment();
    }

    public void failed(Exchange exchange) {
        counter(kind(exchange), "failed").increment();
    }

    /** The kind of the email on its way: the composed email's, else the kind a step asked for. */
    private static String kind(Exchange exchange) {
        OutgoingEmail email = exchange.getVariable(OUTGOING_EMAIL, OutgoingEmail.class);
        if (email != null) {
            return email.kind().name();
        }
        String kind = exchange.getVariable(EMAIL_KIND, String.class);
        return kind != null && Arrays.stream(EmailKind.values()).anyMatch(k -> k.name().equals(kind))
                ? kind : CaseEventMeters.UNKNOWN;
    }

    private Counter counter(String kind, String outcome) {
        return Counter.builder("gateway.emails")
                .description("emails handed to the SMTP server, by kind: sent or failed")
                .tag("kind", kind)
                .tag("outcome", outcome)
                .register(meters);
    }
}
