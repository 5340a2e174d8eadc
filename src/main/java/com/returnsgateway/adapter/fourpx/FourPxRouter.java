package com.returnsgateway.adapter.fourpx;

import com.returnsgateway.core.remote.RemoteAnswer;
import com.returnsgateway.core.remote.RemoteCall;
import com.returnsgateway.core.remote.RemoteCalls;
import com.returnsgateway.core.resilience.RemoteSystem;
import java.util.Map;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One signed call to a 4PX forwarder's router through the gateway's guarded remote-call route, its answer read as
 * 4PX's envelope. Shared by every 4PX adapter (orders and tracking, the GRS returns service).
 */
final class FourPxRouter {

    private final FourPxForwarders accounts;
    private final FourPxSigner signer;
    private final RemoteCalls calls;
    // the body is signed as sent: escaping non-ASCII keeps its bytes the same whatever charset carries it
    private final JsonMapper json = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    FourPxRouter(FourPxForwarders accounts, FourPxSigner signer, RemoteCalls calls) {
        this.accounts = accounts;
        this.signer = signer;
        this.calls = calls;
    }

    /** Calls {@code method} with {@code payload} (a map or list, written as JSON) and reads the envelope. */
    FourPxAnswer call(String forwarder, String method, Object payload, String what) {
        FourPxForwarders.Account account = accounts.of(forwarder);
        String body = json.writeValueAsString(payload);
        String url = account.routerUrl() + "?" + signer.query(method, account.settings(), body);
        RemoteAnswer answer = calls.call(new RemoteCall(RemoteSystem.forwarder(forwarder), "POST", url,
                "application/json", body, Map.of(), what));
        return FourPxAnswer.read(json, answer.status(), answer.body(), answer.retryAfter(), what);
    }
}
