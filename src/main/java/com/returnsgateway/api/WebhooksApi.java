package com.returnsgateway.api;

import com.returnsgateway.core.webhooks.WebhookDeliveries;
import com.returnsgateway.core.webhooks.WebhookDeliveryStore.DeliveryDetail;
import com.returnsgateway.core.webhooks.WebhookDeliveryStore.DeliveryPage;
import com.returnsgateway.core.webhooks.WebhookDeliveryStore.Status;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The webhooks' delivery log and replay: viewers read it, operators replay (SecurityConfig: GET for viewer and
 * operator, anything else for operator).
 */
@RestController
@RequestMapping("/api/webhooks")
public class WebhooksApi {

    /** How many deliveries a replay set due again. */
    public record Replayed(int replayed) {
    }

    private final WebhookDeliveries deliveries;

    public WebhooksApi(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** Endpoints with their deliveries by status. */
    @Operation(operationId = "listWebhookEndpoints", summary = "Back-office webhook endpoints and their deliveries by status")
    @ApiResponse(responseCode = "200", description = "The endpoints, configured or still in the log")
    @GetMapping("/endpoints")
    public List<WebhookDeliveries.EndpointSummary> endpoints() {
        return deliveries.endpoints();
    }

    /** The delivery log, newest first; an empty filter ({@code ?status=}) filters nothing. */
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log, newest first, paged")
    @ApiResponse(responseCode = "200", description = "One page of deliveries")
    @ApiResponse(responseCode = "400", description = "A filter or page value that is not valid (an unknown status)")
    @GetMapping("/deliveries")
    public DeliveryPage list(@RequestParam(required = false) String endpoint,
                             @RequestParam(required = false) Status status,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        return deliveries.page(endpoint == null || endpoint.isBlank() ? null : endpoint.strip(), status, page, size);
    }

    @Operation(operationId = "getWebhookDelivery", summary = "One delivery with its event's body exactly as sent")
    @ApiResponse(responseCode = "200", description = "The delivery")
    @ApiResponse(responseCode = "400", description = "The id is not a number")
    @ApiResponse(responseCode = "404", description = "No delivery with this id")
    @GetMapping("/deliveries/{id}")
    public DeliveryDetail get(@PathVariable long id) {
        return deliveries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no webhook delivery " + id));
    }

    /** Sends one delivery again, with the same webhook-id, whatever its status. */
    @Operation(operationId = "replayWebhookDelivery", summary = "Send one delivery again now, with the same webhook-id")
    @ApiResponse(responseCode = "200", description = "Set due again")
    @ApiResponse(responseCode = "400", description = "The id is not a number")
    @ApiResponse(responseCode = "404", description = "No delivery with this id")
    @ApiResponse(responseCode = "409", description = "The delivery is being posted right now")
    @PostMapping("/deliveries/{id}/replay")
    public Replayed replay(@PathVariable long id, Principal principal) {
        get(id);
        int replayed = deliveries.replay(id, "api:" + principal.getName());
        if (replayed == 0) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "webhook delivery " + id
                    + " is being posted right now; look at it again in a moment");
        }
        return new Replayed(replayed);
    }

    /** Sends every FAILED delivery of the endpoint again. */
    @Operation(operationId = "replayFailedWebhookDeliveries",
            summary = "Send every FAILED delivery of an endpoint again now, each with its own webhook-id")
    @ApiResponse(responseCode = "200", description = "How many were set due again")
    @ApiResponse(responseCode = "404", description = "No endpoint of this name, configured or in the log")
    @PostMapping("/endpoints/{name}/replay-failed")
    public Replayed replayFailed(@PathVariable String name, Principal principal) {
        if (!deliveries.knows(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no webhook endpoint " + name
                    + " (gateway.webhooks.endpoints." + name + ")");
        }
        return new Replayed(deliveries.replayFailed(name, "api:" + principal.getName()));
    }
}
