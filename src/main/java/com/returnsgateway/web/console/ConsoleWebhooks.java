package com.returnsgateway.web.console;

import com.returnsgateway.core.webhooks.WebhookDeliveries;
import com.returnsgateway.core.webhooks.WebhookDeliveryStore.DeliveryPage;
import com.returnsgateway.core.webhooks.WebhookDeliveryStore.Status;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The back office's webhooks: each endpoint with its deliveries by status, the delivery log (filtered by endpoint and
 * status in the URL), and replay of one delivery or of every failed one of an endpoint (same event id: the back office
 * de-duplicates).
 */
@Controller
public class ConsoleWebhooks {

    private final WebhookDeliveries deliveries;

    public ConsoleWebhooks(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping("/console/webhooks")
    public String log(@RequestParam(required = false) String endpoint, @RequestParam(required = false) Status status,
                      @RequestParam(defaultValue = "0") int page, jakarta.servlet.http.HttpServletRequest request,
                      Model model) {
        String name = endpoint == null || endpoint.isBlank() ? null : endpoint;
        DeliveryPage result = deliveries.page(name, status, page, ConsolePages.PAGE_SIZE);
        model.addAttribute("endpoints", deliveries.endpoints());
        model.addAttribute("result", result);
        model.addAttribute("endpoint", name == null ? "" : name);
        model.addAttribute("status", status == null ? "" : status.name());
        model.addAttribute("statuses", Status.values());
        model.addAttribute("pages", ConsolePages.pages(result.total()));
        model.addAttribute("backPath", request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        return "console/webhooks";
    }

    @PostMapping("/console/webhooks/deliveries/{id}/replay")
    public String replay(@PathVariable long id, @RequestParam(defaultValue = "") String back, Principal principal,
                         RedirectAttributes flash) {
        if (deliveries.replay(id, ConsoleModel.actor(principal)) > 0) {
            flash.addFlashAttribute("done", "webhooks.replayed");
            flash.addFlashAttribute("doneArgs", new Object[] {id});
        } else {
            flash.addFlashAttribute("refused", "delivery " + id + " is being sent right now, or does not exist");
        }
        return "redirect:" + back(back);
    }

    @PostMapping("/console/webhooks/endpoints/{name}/replay-failed")
    public String replayFailed(@PathVariable String name, Principal principal, RedirectAttributes flash) {
        int replayed = deliveries.replayFailed(name, ConsoleModel.actor(principal));
        flash.addFlashAttribute("done", "webhooks.replayedFailed");
        flash.addFlashAttribute("doneArgs", new Object[] {replayed, name});
        return "redirect:" + UriComponentsBuilder.fromPath("/console/webhooks").queryParam("endpoint", name)
                .encode().toUriString();
    }

    /** Back to the log as it was filtered; only a path of this page, never elsewhere. */
    private static String back(String back) {
        return back.startsWith("/console/webhooks") && !back.contains("//") ? back : "/console/webhooks";
    }
}
