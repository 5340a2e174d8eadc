package com.returnsgateway.core.offer;

import com.returnsgateway.core.config.ProductionCheck;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** With offers on, production signs their links with a real secret: present and at least 32 characters long. */
@Component
public class NegotiationProductionCheck implements ProductionCheck {

    @Override
    public List<String> problems(Environment environment) {
        Binder binder = Binder.get(environment);
        if (!binder.bind("gateway.negotiation.enabled", Boolean.class).orElse(false)) {
            return List.of();
        }
        String secret = binder.bind("gateway.negotiation.link-secret", String.class).orElse("");
        if (secret.isBlank()) {
            return List.of("gateway.negotiation.link-secret is not set: offer links (accept/decline a partial refund) "
                    + "must be signed with a secret of at least " + NegotiationProperties.MIN_SECRET_LENGTH
                    + " characters, from the environment or a secret file");
        }
        if (secret.strip().length() < NegotiationProperties.MIN_SECRET_LENGTH) {
            return List.of("gateway.negotiation.link-secret is " + secret.strip().length() + " characters long: a "
                    + "guessable key lets anyone accept offers; use at least " + NegotiationProperties.MIN_SECRET_LENGTH
                    + " random characters");
        }
        return List.of();
    }
}
