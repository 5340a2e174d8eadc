package com.returnsgateway.sandbox.amazon;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.returnsgateway.sandbox.SandboxEnabled;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Tokens API 2021-03-01: restricted data tokens for the Orders API's PII. */
@RestController
@RequestMapping(SpApiInterceptor.SP_ROOT + "/tokens/2021-03-01")
@SandboxEnabled
public class TokensSimulatorController {

    private final LwaSimulator lwa;

    public TokensSimulatorController(LwaSimulator lwa) {
        this.lwa = lwa;
    }

    @PostMapping("/restrictedDataToken")
    @SpApi(SpOperation.CREATE_RESTRICTED_DATA_TOKEN)
    public ObjectNode createRestrictedDataToken(@RequestAttribute(SpApiInterceptor.CALLER) SpCaller caller,
                                                @RequestBody(required = false) JsonNode body) {
        LwaSimulator.RestrictedDataToken token = lwa.restrictedDataToken(caller, body);
        ObjectNode answer = AmazonJson.object();
        answer.put("restrictedDataToken", token.token());
        answer.put("expiresIn", token.expiresIn());
        return answer;
    }
}
