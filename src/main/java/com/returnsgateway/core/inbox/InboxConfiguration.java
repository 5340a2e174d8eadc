package com.returnsgateway.core.inbox;

import com.returnsgateway.core.db.JdbcIdempotentRepository;
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
 * and the store of the messages already processed, so a message is processed once across restarts and instances.
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
