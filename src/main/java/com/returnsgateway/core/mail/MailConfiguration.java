package com.returnsgateway.core.mail;

import com.returnsgateway.core.config.GatewayProperties;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mail.MailComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * camel-mail has no Spring Boot starter here, so {@code camel.component.smtp.*} would be silently ignored: the SMTP
 * component is built from {@code gateway.mail.*} instead, credentials included (never in an endpoint URI).
 */
@Configuration(proxyBeanMethods = false)
public class MailConfiguration {

    /**
     * The timer of Jakarta Mail's write timeout, one for every SMTP connection: without it Angus Mail starts a thread
     * pool of its own for each connection, that is for each email camel-mail sends. Its own type, so that nothing
     * looking for a ScheduledExecutorService bean takes it.
     */
    static final class SmtpWriteTimeouts implements AutoCloseable {

        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "smtp-write-timeout");
            thread.setDaemon(true);
            return thread;
        });

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    @Bean
    SmtpWriteTimeouts smtpWriteTimeouts() {
        return new SmtpWriteTimeouts();
    }

    @Bean("smtp")
    MailComponent smtp(GatewayProperties properties, CamelContext camelContext,
                       SmtpWriteTimeouts smtpWriteTimeouts) {
        GatewayProperties.Mail mail = properties.mail();
        MailComponent component = new MailComponent(camelContext);
        org.apache.camel.component.mail.MailConfiguration config = component.getConfiguration();
        if (!mail.username().isBlank()) {
            config.setUsername(mail.username());
            config.setPassword(mail.password());
        }
        int timeout = (int) mail.timeout().toMillis();
        config.setConnectionTimeout(timeout);
        Properties javaMail = new Properties();
        javaMail.setProperty("mail.smtp.timeout", String.valueOf(timeout));
        javaMail.setProperty("mail.smtp.writetimeout", String.valueOf(timeout));
        javaMail.put("mail.smtp.executor.writetimeout", smtpWriteTimeouts.timer);
        javaMail.putAll(encryption(mail.security()));
        config.setAdditionalJavaMailProperties(javaMail);
        return component;
    }

    /**
     * JavaMail settings for {@code gateway.mail.security}. STARTTLS is required, not merely tried: a server (or a man
     * in the middle) that does not offer it gets no message, and no password. The routes' URI stays smtp://, whose
     * transport reads these mail.smtp.* keys for both forms of TLS.
     */
    static Properties encryption(GatewayProperties.MailSecurity security) {
        Properties javaMail = new Properties();
        switch (security) {
            case STARTTLS -> {
                javaMail.setProperty("mail.smtp.starttls.enable", "true");
                javaMail.setProperty("mail.smtp.starttls.required", "true");
                javaMail.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SMTPS -> {
                javaMail.setProperty("mail.smtp.ssl.enable", "true");
                javaMail.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
                // the sandbox's local GreenMail; production refuses it (TransportProductionCheck)
            }
        }
        return javaMail;
    }
}
