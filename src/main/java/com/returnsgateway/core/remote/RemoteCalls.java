package com.returnsgateway.core.remote;

import com.returnsgateway.core.RouteVariables;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
        // The endpoint is the remote system's origin, the call's own URL a header: one endpoint (and one pool of
        // kept-alive connections) per system, not a new endpoint and HTTP client for every URL a case calls. Every
        // status comes back as an answer for the adapter to read, not as an exception; the body comes as the
        // connection's own stream (not read whole into a cache first), so answer() can stop at the call's limit.
        message.setHeader(Exchange.HTTP_URI, call.url());
        exchange.setVariable(RouteVariables.CALL_URL, origin(call.url())
                + "?throwExceptionOnFailure=false&disableStreamCache=true&" + RemoteCallHeaders.URI_OPTION);
    }

    /** scheme://host[:port] of a URL. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
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
        body = null;
        try {
            body = BoundedBody.read(stream, call.maxAnswerBytes());
        } finally {
            if (stream instanceof EofSensorInputStream connection && (body == null || body.tooLarge())) {
                // closing would read the rest to reuse the connection; dropping it reads no more
                connection.abort();
            } else if (stream != null) {
                // read to its end: the connection goes back to the pool, kept alive for the next call
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
