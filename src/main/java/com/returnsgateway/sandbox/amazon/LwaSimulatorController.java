package com.returnsgateway.sandbox.amazon;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.returnsgateway.sandbox.Faults;
import com.returnsgateway.sandbox.SandboxEnabled;

import tools.jackson.databind.node.ObjectNode;

/** Login with Amazon: {@code POST /sandbox/amazon/auth/o2/token} with a form body, as {@code api.amazon.com}. */
@RestController
@RequestMapping("/sandbox/amazon/auth/o2")
@SandboxEnabled
public class LwaSimulatorController {

    private final LwaSimulator lwa;
    private final Faults faults;

    public LwaSimulatorController(LwaSimulator lwa, Faults faults) {
        this.lwa = lwa;
        this.faults = faults;
    }

    @PostMapping("/token")
    public ResponseEntity<ObjectNode> token(@RequestParam(name = "grant_type", required = false) String grantType,
                                            @RequestParam(name = "refresh_token", required = false) String refreshToken,
                                            @RequestParam(name = "client_id", required = false) String clientId,
                                            @RequestParam(name = "client_secret", required = false)
                                            String clientSecret) {
        faults.apply();
        LwaSimulator.AccessToken token = lwa.exchange(grantType, refreshToken, clientId, clientSecret);
        ObjectNode body = AmazonJson.object();
        body.put("access_token", token.accessToken());
        body.put("token_type", "bearer");
        body.put("expires_in", token.expiresIn());
        body.put("refresh_token", token.refreshToken());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache")
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
