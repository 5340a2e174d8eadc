package com.returnsgateway.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * When the sandbox gateway is ready, one block in the log says where to look and who to log in as; never a password,
 * which may be a real one given from the environment.
 */
@Component
@Profile("sandbox")
public class SandboxBanner {

    private static final Logger log = LoggerFactory.getLogger(SandboxBanner.class);

    private final Environment environment;

    public SandboxBanner(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ready() {
        String gateway = "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
        String simulators = environment.getProperty("sandbox.simulators.base-url", gateway);
        log.info("""

                ==== returns-gateway sandbox is ready ====
                  cases        {}/api/cases          (user {}; passwords of the sandbox users: README.md)
                  one case     {}/api/cases/{caseId}  and its label: /api/cases/{caseId}/label.pdf
                  emails sent  {}/sandbox/mail
                  refunds      {}/sandbox/marketplace/refunds
                  4PX holds    {}/sandbox/4px/holds   (intercepts of forwarder 4px, speaking 4PX's open platform)
                  amazon       {}/sandbox/amazon/feeds   (refund feeds the Amazon simulator received)
                  simulators   {}/sandbox   (SMTP on port {}, SFTP on port {})
                  The seeded returns are picked up within a few seconds; see README.md for a tour.
                """, gateway, value("gateway.api.username"), gateway, simulators,
                simulators, simulators, simulators, simulators, value("sandbox.smtp.port"),
                value("sandbox.sftp.port"));
    }

    private String value(String key) {
        return environment.getProperty(key, "?");
    }
}
