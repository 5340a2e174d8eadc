package com.returnsgateway.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.resilience.RemoteSystem;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A call as it may be logged: no header value and no query value (4PX signs and authorises in the query). */
class RemoteCallTest {

    @Test
    void theLoggedFormShowsNamesButNoValuesOfHeadersAndQueryParameters() {
        RemoteCall call = new RemoteCall(RemoteSystem.forwarder("4px"), "POST",
                "https://open.4px.com/router/api/service?method=ds.xms.order.get&app_key=K1&access_token=SECRET-TOKEN"
                        + "&sign=abc123", "application/json", "{}", Map.of("Authorization", "Basic c2VjcmV0"),
                "forwarder 4px (status of 4PX1CN)");

        assertThat(call.toString())
                .contains("POST https://open.4px.com/router/api/service?method=…&app_key=…&access_token=…&sign=…")
                .contains("headers [Authorization]")
                .doesNotContain("SECRET-TOKEN", "K1", "abc123", "c2VjcmV0");
    }
}
