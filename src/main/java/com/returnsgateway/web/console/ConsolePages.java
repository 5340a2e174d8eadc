package com.returnsgateway.web.console;

import com.returnsgateway.core.cases.CaseFilter;
import com.returnsgateway.core.cases.CasePage;
import com.returnsgateway.core.cases.CaseRepository;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.Phase;
import com.returnsgateway.core.reports.Overview;
import com.returnsgateway.core.reports.ReportSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.UriComponentsBuilder;

/** The console's home (what needs a person, today's numbers), the case list, and the login and refusal pages. */
@Controller
public class ConsolePages {

    static final int PAGE_SIZE = 25;

    private final Overview overview;
    private final CaseRepository cases;
    private final GatewayProperties properties;
    private final ReportSettings settings;

    public ConsolePages(Overview overview, CaseRepository cases, GatewayProperties properties,
                        ReportSettings settings) {
        this.overview = overview;
        this.cases = cases;
        this.properties = properties;
        this.settings = settings;
    }

    @GetMapping(ConsoleSecurity.LOGIN)
    public String login() {
        return "console/login";
    }

    /** Also for a refused POST (no CSRF token, or a viewer acting): Spring forwards it here as it came. */
    @RequestMapping("/console/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    public String denied() {
        return "console/denied";
    }

    @GetMapping({"/console", "/console/"})
    public String home(Model model) {
        model.addAttribute("needs", overview.needsPerson());
        model.addAttribute("today", overview.today());
        return "console/home";
    }

    /** The filters are the URL's query: a filtered list can be bookmarked and sent to a colleague. */
    @GetMapping("/console/cases")
    public String cases(@RequestParam(required = false) CaseStatus status,
                        @RequestParam(required = false) Phase phase,
                        @RequestParam(required = false) String marketplace,
                        @RequestParam(required = false) String forwarder,
                        @RequestParam(required = false) String reason,
                        @RequestParam(required = false) LocalDate from,
                        @RequestParam(required = false) LocalDate to,
                        @RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "0") int page,
                        HttpServletRequest request, Model model) {
        CaseFilter filter = new CaseFilter(status, phase, blank(marketplace), null, blank(forwarder), blank(reason),
                from == null ? null : from.atStartOfDay(settings.timeZone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(settings.timeZone()).toInstant(), blank(q));
        CasePage result = cases.search(filter, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("pages", pages(result.total()));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("phases", Phase.values());
        model.addAttribute("marketplaces", new TreeSet<>(properties.marketplaces().keySet()));
        model.addAttribute("forwarders", new TreeSet<>(properties.forwarders().keySet()));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status", status == null ? "" : status.name());
        filters.put("phase", phase == null ? "" : phase.name());
        filters.put("marketplace", nullToEmpty(marketplace));
        filters.put("forwarder", nullToEmpty(forwarder));
        filters.put("reason", nullToEmpty(reason));
        filters.put("from", from == null ? "" : from.toString());
        filters.put("to", to == null ? "" : to.toString());
        filters.put("q", nullToEmpty(q));
        model.addAttribute("f", filters);
        model.addAttribute("pageLinks", pageLinks(request, result.page(), pages(result.total())));
        return "console/cases";
    }

    /** The current URL with another page number: the filters stay as they are. */
    private static List<Map<String, Object>> pageLinks(HttpServletRequest request, int current, int pages) {
        List<Map<String, Object>> links = new ArrayList<>();
        String query = request.getQueryString();
        for (int p = Math.max(0, current - 3); p < Math.min(pages, current + 4); p++) {
            links.add(Map.of("number", p + 1, "href", UriComponentsBuilder
                    .fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query))
                    .replaceQueryParam("page", p).build(true).toUriString(), "current", p == current));
        }
        return links;
    }

    /** How many pages of {@link #PAGE_SIZE} a list of {@code total} takes: one, even when empty. */
    static int pages(long total) {
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
