package com.returnsgateway.core.inbox;

import com.returnsgateway.core.config.ProductionCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** In production the inbox is read over TLS (imaps), with a password: buyers' replies and the password cross the net. */
@Component
public class InboxProductionCheck implements ProductionCheck {

    @Override
    public List<String> problems(Environment environment) {
        InboxSettings inbox = Binder.get(environment).bindOrCreate("gateway.inbox", InboxSettings.class);
        List<String> problems = new ArrayList<>();
        if (!inbox.enabled()) {
            return problems;
        }
        if (!"imaps".equals(inbox.protocol().strip().toLowerCase(Locale.ROOT))) {
            problems.add("gateway.inbox.protocol is " + inbox.protocol() + ": buyers' replies and the IMAP password "
                    + "would cross the network in clear; set imaps (port 993)");
        }
        if (inbox.username().isBlank() || inbox.password().isBlank()) {
            problems.add("gateway.inbox is enabled but gateway.inbox.username or gateway.inbox.password is empty: set "
                    + "them from the environment or a configtree secret");
        }
        return problems;
    }
}
