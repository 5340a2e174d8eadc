package com.returnsgateway.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.testsupport.TestPorts;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** gateway.mail.security reaches the SMTP component: with starttls a server that offers no TLS gets no message. */
class MailSecurityTest {

    private static final MailConfiguration.SmtpWriteTimeouts WRITE_TIMEOUTS = new MailConfiguration.SmtpWriteTimeouts();

    private final GreenMail plainServer = new GreenMail(new ServerSetup(TestPorts.free(), "127.0.0.1", "smtp"));

    @BeforeEach
    void start() {
        plainServer.start();
    }

    @AfterEach
    void stop() {
        plainServer.stop();
    }

    @Test
    void starttlsIsRequiredNotMerelyTried() {
        assertThatThrownBy(() -> send("starttls"))
                .hasStackTraceContaining("STARTTLS is required but host does not support STARTTLS");
        assertThat(plainServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void withoutEncryptionTheLocalServerGetsTheMessage() throws Exception {
        send("none");
        assertThat(plainServer.getReceivedMessages()).hasSize(1);
    }

    @Test
    void everyConnectionSharesOneWriteTimeoutTimerAndEmailsStillGo() throws Exception {
        GatewayProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "gateway.workers", "1", "gateway.mail.security", "none", "gateway.mail.timeout", "5s")))
                .bindOrCreate("gateway", GatewayProperties.class);
        try (CamelContext camel = new DefaultCamelContext()) {
            // without a timer of its own, Angus Mail starts a thread pool for every connection, that is every email
            assertThat(new MailConfiguration().smtp(properties, camel, WRITE_TIMEOUTS).getConfiguration()
                    .getAdditionalJavaMailProperties().get("mail.smtp.executor.writetimeout"))
                    .isSameAs(WRITE_TIMEOUTS.timer);
        }
        send("none", 3);
        assertThat(plainServer.getReceivedMessages()).hasSize(3);
    }

    private void send(String security) throws Exception {
        send(security, 1);
    }

    private void send(String security, int emails) throws Exception {
        GatewayProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "gateway.workers", "1", "gateway.mail.security", security, "gateway.mail.timeout", "5s")))
                .bindOrCreate("gateway", GatewayProperties.class);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addComponent("smtp", new MailConfiguration().smtp(properties, camel, WRITE_TIMEOUTS));
            camel.start();
            for (int i = 0; i < emails; i++) {
                camel.createProducerTemplate().sendBody("smtp://127.0.0.1:" + plainServer.getSmtp().getPort()
                        + "?to=buyer@example.com&from=returns@seller.example&subject=Return label",
                        "the label is attached");
            }
        }
    }
}
