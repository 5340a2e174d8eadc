package com.returnsgateway.core.inbox;

import com.returnsgateway.core.cluster.LeasedPollStrategy;
import com.returnsgateway.core.cluster.WorkLeases;
import com.returnsgateway.core.db.JdbcIdempotentRepository;
import com.returnsgateway.core.health.PollWatches;
import java.time.Clock;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mail.MailComponent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The IMAP components of the inbox route, with the credentials of {@code gateway.inbox.*} (never in an endpoint URI),
 * the store of the messages already processed, so a message is processed once across restarts and instances, and the
 * lease that lets one instance at a time read the mailbox.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboxSettings.class)
public class InboxConfiguration {

    @Bean("imap")
    MailComponent imap(InboxSettings settings, CamelContext camelContext) {
        return component(settings, camelContext, "imap");
    }

    @Bean("imaps")
    MailComponent imaps(InboxSettings settings, CamelContext camelContext) {
        return component(settings, camelContext, "imaps");
    }

    @Bean
    JdbcIdempotentRepository buyerReplyRepository(JdbcClient jdbc, Clock clock) {
        return new JdbcIdempotentRepository(jdbc, "buyer-replies", clock);
    }

    /**
     * The inbox route's {@code pollStrategy}: one instance at a time reads the mailbox (lease
     * {@code inbox:<username>@<host>/<folder>}). Two readers would not process a message twice (the repository above),
     * but the one that skips it as a duplicate marks it seen, and were the other's processing to fail, the message
     * would stay seen and never be read again.
     */
    @Bean
    LeasedPollStrategy inboxLease(WorkLeases leases, InboxSettings settings, PollWatches watches) {
        return new LeasedPollStrategy(leases, leaseName(settings), settings.pollInterval(), watches.watch("imap"));
    }

    static String leaseName(InboxSettings settings) {
        return "inbox:" + settings.username() + "@" + settings.host() + "/" + settings.folder();
    }

    private static MailComponent component(InboxSettings settings, CamelContext camelContext, String protocol) {
        MailComponent component = new MailComponent(camelContext);
        org.apache.camel.component.mail.MailConfiguration config = component.getConfiguration();
        if (!settings.username().isBlank()) {
            config.setUsername(settings.username());
            config.setPassword(settings.password());
        }
        config.setConnectionTimeout(10_000);
        Properties javaMail = new Properties();
        javaMail.setProperty("mail." + protocol + ".timeout", "30000");
        if ("imaps".equals(protocol)) {
            javaMail.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        }
        config.setAdditionalJavaMailProperties(javaMail);
        return component;
    }
}
