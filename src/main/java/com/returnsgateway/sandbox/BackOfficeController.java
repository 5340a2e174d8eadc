package com.returnsgateway.sandbox;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The back-office API ({@code POST /sandbox/backoffice/reships}) and its inspection endpoint. */
@RestController
@RequestMapping("/sandbox/backoffice")
@SandboxEnabled
public class BackOfficeController {

    private final BackOfficeSimulator backOffice;
    private final Faults faults;

    public BackOfficeController(BackOfficeSimulator backOffice, Faults faults) {
        this.backOffice = backOffice;
        this.faults = faults;
    }

    @PostMapping("/reships")
    public ResponseEntity<ObjectNode> reship(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                             @RequestBody(required = false) JsonNode body) {
        faults.apply();
        BackOfficeSimulator.Answer answer = backOffice.reship(key, body);
        return ResponseEntity.status(answer.status()).body(answer.body());
    }

    @GetMapping("/reships")
    public ArrayNode reships() {
        return backOffice.reships();
    }
}
