package com.returnsgateway.sandbox;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The back office's webhook receiver ({@code POST /sandbox/backoffice/webhooks}), what it took in
 * ({@code GET /sandbox/backoffice/webhooks}) and its failure switch ({@code POST .../fail-next?count=N&status=503}).
 */
@RestController
@RequestMapping("/sandbox/backoffice/webhooks")
@SandboxEnabled
public class WebhookReceiverController {

    private final SimulatedWebhookReceiver receiver;
    private final Faults faults;

    public WebhookReceiverController(SimulatedWebhookReceiver receiver, Faults faults) {
        this.receiver = receiver;
        this.faults = faults;
    }

    /** The raw body as bytes: the signature covers them exactly as sent. */
    @PostMapping
    public ResponseEntity<ObjectNode> receive(@RequestHeader(name = "webhook-id", required = false) String id,
                                              @RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
                                              @RequestHeader(name = "webhook-signature", required = false) String signature,
                                              @RequestBody(required = false) byte[] body) {
        faults.apply();
        SimulatedWebhookReceiver.Answer answer = receiver.receive(id, timestamp, signature, body);
        return ResponseEntity.status(answer.status()).body(answer.body());
    }

    @GetMapping
    public ArrayNode received() {
        return receiver.received();
    }

    @PostMapping("/fail-next")
    public ObjectNode failNext(@RequestParam(defaultValue = "1") int count,
                               @RequestParam(defaultValue = "503") int status) {
        receiver.failNext(count, status);
        ObjectNode answer = Json.object();
        answer.put("failNext", count);
        answer.put("status", status);
        return answer;
    }
}
