package com.returnsgateway.web;

import com.returnsgateway.cases.CaseRepository.InsertResult;
import com.returnsgateway.intake.Intake;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/returns}: the back office pushes a return request; 202 for a new one, 200 for a duplicate. */
@RestController
@RequestMapping("/api/returns")
public class ReturnsApi {

    private final Intake intake;
    private final JsonMapper json;

    public ReturnsApi(Intake intake, JsonMapper json) {
        this.intake = intake;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> submit(@RequestBody String body, Principal principal) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedJsonException("The body is not valid JSON: " + e.getOriginalMessage());
        }
        InsertResult result = intake.accept(node, "api:" + principal.getName());
        URI location = URI.create("/api/cases/" + result.caseId());
        HttpStatus status = result.created() ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).location(location).body(Map.of(
                "caseId", result.caseId(),
                "duplicate", !result.created(),
                "case", location.toString()));
    }
}
