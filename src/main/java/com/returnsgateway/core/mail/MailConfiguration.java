package com.returnsgateway.core.mail;

import com.returnsgateway.core.config.GatewayProperties;
import java.util.Properties;
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

    @Bean("smtp")
    MailComponent smtp(GatewayProperties properties, CamelContext camelContext) {
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
