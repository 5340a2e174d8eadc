package com.returnsgateway.sandbox;

import java.util.List;

/**
 * A forwarder or tracking protocol the sandbox simulates: each such simulator says which forwarder codes it answers
 * for, in which protocol and at which base URL, for {@code GET /sandbox} (other tools rely on that listing).
 */
public interface SimulatedForwarders {

    /** @param sandboxBaseUrl where the sandbox is reached, say {@code http://localhost:8080} (no trailing slash) */
    List<Simulated> simulated(String sandboxBaseUrl);

    /**
     * @param code     the forwarder code (gateway.forwarders.&lt;code&gt;) or tracking service it answers for
     * @param protocol the protocol, as the gateway's {@code type:} names it ({@code 4px}, {@code http}, ...)
     * @param baseUrl  what a client of that protocol would call (its configured base-url)
     */
    record Simulated(String code, String protocol, String baseUrl) {
    }
}
