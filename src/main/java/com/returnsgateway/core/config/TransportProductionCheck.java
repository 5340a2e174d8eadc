package com.returnsgateway.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production every call is encrypted: no remote system of the gateway's HTTP contract (generic marketplaces, HTTP
 * forwarders of {@code type: http}, the back office) on plain http://, where its credentials and buyers' addresses could be read on the
 * way, and no SMTP without TLS. (Amazon's endpoints are checked by the Amazon adapter.)
 */
@Component
public class TransportProductionCheck implements ProductionCheck {

    @Override
    public List<String> problems(Environment environment) {
        Binder binder = Binder.get(environment);
        List<String> problems = new ArrayList<>(mailProblems(binder));
        binder.bind("gateway.marketplaces", Bindable.mapOf(String.class, GatewayProperties.Marketplace.class))
                .orElse(Map.of())
                .forEach((code, m) -> plainHttp(problems, "gateway.marketplaces." + code + ".base-url", m.baseUrl()));
        binder.bind("gateway.forwarders", Bindable.mapOf(String.class, GatewayProperties.Forwarder.class))
                .orElse(Map.of())
                // the gateway's own HTTP contract; forwarders of another protocol are checked by their adapter,
                // which knows where that protocol is published (YunExpress's OMS and Yanwen on http:// only)
                .forEach((code, f) -> {
                    if ("http".equals(f.type())) {
                        plainHttp(problems, "gateway.forwarders." + code + ".base-url", f.baseUrl());
                    }
                });
        plainHttp(problems, "gateway.back-office.base-url",
                binder.bindOrCreate("gateway.back-office", GatewayProperties.BackOffice.class).baseUrl());
        return problems;
    }

    private static List<String> mailProblems(Binder binder) {
        GatewayProperties.Mail mail = binder.bindOrCreate("gateway.mail", GatewayProperties.Mail.class);
        if (mail.security() != GatewayProperties.MailSecurity.NONE) {
            return List.of();
        }
        return List.of("gateway.mail.security is none: emails (buyers' names, addresses, labels) and the SMTP "
                + "password would cross the network in clear; set starttls (port 587) or smtps (port 465)");
    }

    private static void plainHttp(List<String> problems, String key, String url) {
        if (url != null && !url.isBlank() && !url.strip().toLowerCase(Locale.ROOT).startsWith("https://")) {
            problems.add(key + " is " + withoutCredentials(url) + ": production calls remote systems over https:// only");
        }
    }

    /** A URL as it may be shown: user info (user:password@) never reaches the message. */
    private static String withoutCredentials(String url) {
        return url.strip().replaceAll("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1");
    }
}
