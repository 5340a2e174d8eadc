package com.returnsgateway.adapter.yunexpress;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.config.ProductionCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production a YunExpress forwarder needs its credentials, and its calls go over https://. The classic OMS API's
 * production host is published on http:// only (REFERENCE, YunExpress): that is accepted for one forwarder when its
 * {@code yunexpress.allow-plain-http} is true, a decision the operator takes knowingly (the customer code and secret
 * cross the network readable, in a Basic header).
 */
@Component
public class YunExpressProductionCheck implements ProductionCheck {

    @Override
    public List<String> problems(Environment environment) {
        Map<String, OmsSettings> oms = YunExpressAccounts.oms(environment);
        Map<String, OpenApiSettings> openApi = YunExpressAccounts.openApi(environment);
        List<String> problems = new ArrayList<>(YunExpressAccounts.credentialProblems(oms, openApi));
        Map<String, GatewayProperties.Forwarder> forwarders = YunExpressAccounts.forwarders(Binder.get(environment));
        oms.forEach((code, settings) -> {
            String url = forwarders.get(code).baseUrl();
            if (missing(url)) {
                problems.add("gateway.forwarders." + code + ".base-url is not set");
            } else if (!https(url) && !settings.allowPlainHttp()) {
                problems.add("gateway.forwarders." + code + ".base-url is " + shown(url) + ": YunExpress's OMS API "
                        + "is published on http:// only; set gateway.forwarders." + code + ".yunexpress.allow-plain-http"
                        + " true to accept its customer code and secret crossing the network readable, or use https://");
            }
        });
        openApi.forEach((code, settings) -> {
            String url = forwarders.get(code).baseUrl();
            if (missing(url)) {
                problems.add("gateway.forwarders." + code + ".base-url is not set");
            } else if (!https(url)) {
                problems.add("gateway.forwarders." + code + ".base-url is " + shown(url)
                        + ": YunExpress's OpenAPI is called over https:// only");
            }
        });
        return problems;
    }

    private static boolean missing(String url) {
        return url == null || url.isBlank();
    }

    private static boolean https(String url) {
        return url.strip().toLowerCase(Locale.ROOT).startsWith("https://");
    }

    private static String shown(String url) {
        return url.strip().replaceAll("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1");
    }
}
