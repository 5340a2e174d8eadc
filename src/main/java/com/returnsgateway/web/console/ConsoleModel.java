package com.returnsgateway.web.console;

import com.returnsgateway.api.ApiRole;
import java.security.Principal;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

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

    /** The actor on a case's timeline for what an operator did here. */
    static String actor(Principal principal) {
        return "console:" + principal.getName();
    }
}
