package com.returnsgateway.adapter.fourpx;

import com.returnsgateway.core.config.ProductionCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production a 4PX forwarder needs its app key and secret, and must be reached over HTTPS; one that forecasts
 * returns to a warehouse needs the GRS service product too.
 */
@Component
public class FourPxProductionCheck implements ProductionCheck {

    @Override
    public List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        FourPxForwarders.bind(environment).values().forEach(account -> {
            String who = "4PX forwarder " + account.code();
            if (account.settings().appKey().isBlank() || account.settings().appSecret().isBlank()) {
                problems.add(who + " needs its app key and secret: set " + account.setting("app-key") + " and "
                        + account.setting("app-secret") + " from the environment or a secret file");
            }
            if (!account.settings().returnsWarehouse().isBlank() && account.settings().returnsProduct().isBlank()) {
                problems.add(who + " forecasts returns to warehouse " + account.settings().returnsWarehouse()
                        + " but names no GRS service product: set " + account.setting("returns-product"));
            }
            String base = account.baseUrl() == null ? "" : account.baseUrl().strip().toLowerCase(Locale.ROOT);
            if (!base.startsWith("https://")) {
                problems.add(who + " must be reached over HTTPS: set gateway.forwarders." + account.code()
                        + ".base-url to https://open.4px.com" + (base.isEmpty() ? "" : " (it is " + account.baseUrl()
                        + ")"));
            }
        });
        return problems;
    }
}
