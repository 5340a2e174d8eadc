package com.returnsgateway.core.webhooks;

import com.returnsgateway.core.config.ProductionCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Production signs every webhook with a real secret (at least 24 bytes, as Standard Webhooks asks) and sends it over
 * https:// only, unless an endpoint says {@code allow-plain-http: true} (a back office on the same host or network).
 */
@Component
public class WebhookProductionCheck implements ProductionCheck {

    @Override
    public List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        Binder.get(environment).bind("gateway.webhooks.endpoints",
                        Bindable.mapOf(String.class, WebhookSettings.Endpoint.class))
                .orElse(Map.of())
                .forEach((name, endpoint) -> {
                    if (endpoint.enabled()) {
                        problems.addAll(problemsOf("gateway.webhooks.endpoints." + name, endpoint));
                    }
                });
        return problems;
    }

    private static List<String> problemsOf(String key, WebhookSettings.Endpoint endpoint) {
        List<String> problems = new ArrayList<>();
        if (!endpoint.hasSecret()) {
            problems.add(key + ".secret is not set: production signs every webhook; give the endpoint a secret"
                    + " (whsec_ and at least " + WebhookSettings.MIN_SECRET_BYTES + " random bytes in base64) from the"
                    + " environment or a secret file, and the same to the back office");
        } else {
            try {
                int bytes = WebhookSignature.key(endpoint.secret()).length;
                if (bytes < WebhookSettings.MIN_SECRET_BYTES) {
                    problems.add(key + ".secret is " + bytes + " bytes long: a guessable key lets anyone forge events;"
                            + " use at least " + WebhookSettings.MIN_SECRET_BYTES + " random bytes (openssl rand"
                            + " -base64 32, prefixed with whsec_)");
                }
            } catch (IllegalArgumentException e) {
                problems.add(key + ".secret starts with whsec_ but the rest is not base64");
            }
        }
        String url = endpoint.url() == null ? "" : endpoint.url().strip().toLowerCase(Locale.ROOT);
        if (!url.startsWith("https://") && !endpoint.allowPlainHttp()) {
            problems.add(key + ".url is " + shown(endpoint.url()) + ": production sends case events over https://"
                    + " only; set allow-plain-http: true on the endpoint only for a back office on the same host");
        }
        return problems;
    }

    private static String shown(String url) {
        if (url == null || url.isBlank()) {
            return "not set";
        }
        String plain = url.strip().replaceAll("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1");
        int query = plain.indexOf('?');
        return query < 0 ? plain : plain.substring(0, query);
    }
}
