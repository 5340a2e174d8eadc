package com.returnsgateway.web.console;

import com.returnsgateway.api.ApiRole;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every console page knows: who is looking, whether they may act, and the page's language. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
public class ConsoleModel {

    @ModelAttribute("user")
    public String user(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @ModelAttribute("operator")
    public boolean operator(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + ApiRole.OPERATOR.name()));
    }

    @ModelAttribute("lang")
    public String lang(Locale locale) {
        return locale.getLanguage().equals("zh") ? "zh-CN" : locale.toLanguageTag();
    }

    /** The page as it is, in the other language: switching keeps the filters of the URL. */
    @ModelAttribute("langLinks")
    public Map<String, String> langLinks(HttpServletRequest request) {
        String query = request.getQueryString();
        Map<String, String> links = new LinkedHashMap<>();
        for (String tag : new String[] {"zh-CN", "en"}) {
            links.put(tag, UriComponentsBuilder
                    .fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query))
                    .replaceQueryParam("lang", tag).build(true).toUriString());
        }
        return links;
    }

    /** The actor on a case's timeline for what an operator did here. */
    static String actor(Principal principal) {
        return "console:" + principal.getName();
    }
}
