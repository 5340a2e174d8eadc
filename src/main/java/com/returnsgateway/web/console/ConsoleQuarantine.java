package com.returnsgateway.web.console;

import com.returnsgateway.core.cases.CaseRepository.InsertResult;
import com.returnsgateway.core.intake.InvalidReturnRequestException;
import com.returnsgateway.core.intake.Quarantine;
import com.returnsgateway.core.intake.QuarantineDesk;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The quarantine: what was refused and why, with the payload as received; a return request can be fixed in place and
 * resubmitted (validated like any other), anything can be discarded with a reason.
 */
@Controller
public class ConsoleQuarantine {

    private final Quarantine quarantine;
    private final QuarantineDesk desk;

    public ConsoleQuarantine(Quarantine quarantine, QuarantineDesk desk) {
        this.quarantine = quarantine;
        this.desk = desk;
    }

    @GetMapping("/console/quarantine")
    public String list(@RequestParam(defaultValue = "true") boolean open, @RequestParam(defaultValue = "0") int page,
                       Model model) {
        Quarantine.Page result = quarantine.list(open, Math.max(0, page), ConsolePages.PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("open", open);
        model.addAttribute("pages", ConsolePages.pages(result.total()));
        return "console/quarantine";
    }

    @GetMapping("/console/quarantine/{id}")
    public String entry(@PathVariable long id, Model model) {
        Quarantine.Entry entry = find(id);
        model.addAttribute("entry", entry);
        model.addAttribute("whyNot", desk.whyNotResubmittable(entry).orElse(null));
        if (!model.containsAttribute("payload")) {
            model.addAttribute("payload", entry.payload());
        }
        return "console/quarantine-entry";
    }

    @PostMapping("/console/quarantine/{id}/resubmit")
    public String resubmit(@PathVariable long id, @RequestParam String payload, Principal principal,
                           RedirectAttributes flash) {
        try {
            InsertResult result = desk.resubmit(id, payload, ConsoleModel.actor(principal));
            flash.addFlashAttribute("done", result.created() ? "quarantine.resubmitted" : "quarantine.known");
            flash.addFlashAttribute("doneArgs", new Object[] {result.caseId()});
            return "redirect:/console/quarantine/" + id;
        } catch (InvalidReturnRequestException | IllegalStateException e) {
            // the operator's edit stays in the form, with what is still wrong
            flash.addFlashAttribute("refused", e.getMessage());
            flash.addFlashAttribute("payload", payload);
            return "redirect:/console/quarantine/" + id;
        }
    }

    @PostMapping("/console/quarantine/{id}/discard")
    public String discard(@PathVariable long id, @RequestParam String reason, Principal principal,
                          RedirectAttributes flash) {
        try {
            desk.discard(id, reason, ConsoleModel.actor(principal));
            flash.addFlashAttribute("done", "quarantine.discarded");
        } catch (IllegalArgumentException | IllegalStateException e) {
            flash.addFlashAttribute("refused", e.getMessage());
        }
        return "redirect:/console/quarantine/" + id;
    }

    private Quarantine.Entry find(long id) {
        return quarantine.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no quarantine entry " + id));
    }
}
