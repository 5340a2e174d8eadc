package com.returnsgateway.core.remote;

import com.returnsgateway.core.RouteVariables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.Variable;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Makes the HTTP calls of every adapter through one guarded route, {@code remote-call}
 * (routes/remote-call.camel.yaml), whose request and answer steps are the methods below.
 */
@Component
public class RemoteCalls {

    static final String ROUTE = "direct:remote-call";

    // lazy: the producer template comes with the CamelContext, which must not start before its routes are loaded
    private final ProducerTemplate producer;

    public RemoteCalls(@Lazy ProducerTemplate producer) {
        this.producer = producer;
    }

    /** Sends the call and returns the answer, whatever its status; a refused permit or an I/O error is thrown. */
    public RemoteAnswer call(RemoteCall call) {
        Exchange done = producer.send(ROUTE, exchange -> exchange.getMessage().setBody(call));
        Exception failure = done.getException();
        if (failure != null) {
            throw failure instanceof RuntimeException runtime ? runtime
                    : RuntimeCamelException.wrapRuntimeCamelException(failure);
        }
        return done.getMessage().getBody(RemoteAnswer.class);
    }

    /** The request line, headers and body, once every inbound header is removed. */
    public void request(RemoteCall call, Exchange exchange) {
        exchange.setVariable(RouteVariables.REMOTE_CALL, call);
        Message message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_METHOD, call.method());
        message.setHeader("Accept", "application/json");
        if (call.contentType() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, call.contentType());
        }
        call.headers().forEach(message::setHeader);
        message.setBody(call.body() == null ? "" : call.body());
        // every status comes back as an answer for the adapter to read, not as an exception; the body comes as the
        // connection's own stream (not read whole into a cache first), so answer() can stop at the call's limit
        exchange.setVariable(RouteVariables.CALL_URL, call.url() + (call.url().contains("?") ? "&" : "?")
                + "throwExceptionOnFailure=false&disableStreamCache=true&" + RemoteCallHeaders.URI_OPTION);
    }

    /**
     * The answer, whatever its status, read up to the call's limit. A 2xx answer past it fails the call; an error
     * answer past it is cut (only its first words reach a message).
     */
    public RemoteAnswer answer(@Variable(RouteVariables.REMOTE_CALL) RemoteCall call, Exchange exchange)
            throws IOException {
        Message message = exchange.getMessage();
        int status = HttpResponses.status(exchange);
        BoundedBody body;
        InputStream stream = message.getBody(InputStream.class);
        try {
            body = BoundedBody.read(stream, call.maxAnswerBytes());
        } finally {
            if (stream instanceof EofSensorInputStream connection) {
                // closing would read the rest to reuse the connection; dropping it reads no more
                connection.abort();
            } else if (stream != null) {
                stream.close();
            }
        }
        if (body.tooLarge() && status >= 200 && status < 300) {
            throw new AnswerTooLargeException(call.what(), call.maxAnswerBytes(), body.bytes());
        }
        String charset = exchange.getProperty(ExchangePropertyKey.CHARSET_NAME, String.class);
        return new RemoteAnswer(status, new String(body.bytes(), charset == null ? StandardCharsets.UTF_8
                : Charset.forName(charset)),
                message.getHeader(Exchange.CONTENT_TYPE, String.class), message.getHeader("Retry-After", String.class),
                call.what());
    }
}
