package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.adapter.generic.MarketplacePoller;
import com.returnsgateway.adapter.seventeentrack.SeventeenTrack;
import com.returnsgateway.adapter.seventeentrack.TrackedNumbers;
import com.returnsgateway.core.cluster.LeasedPollStrategy;
import com.returnsgateway.core.RouteVariables;
import com.returnsgateway.core.cluster.WorkLeases;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Several instances on one database: work that one instance at a time may do (a marketplace's poll, the inbox, an
 * SFTP forwarder's intercept uploads, the 17TRACK sync) waits while another instance holds its lease, and is taken
 * over here once that lease runs out. "Another instance" is a work_lease row of another owner, written with jdbc; its
 * lease running out is its lease_until moved into the past. Each test gives the lease back in a finally block, as the
 * context is shared.
 */
class WorkLeasesFlowTest extends SandboxGatewayTest {

    /** A marketplace only this test uses (SandboxGatewayTest's properties), so holding its lease stalls no other. */
    private static final String MARKETPLACE = "sandbox-leases";
    private static final String OTHER = "other-instance:8080";
    /** How long a skipped piece of work is watched for not happening: several ticks of its timer in this context. */
    private static final Duration SEVERAL_TICKS = Duration.ofSeconds(2);

    @Autowired
    WorkLeases leases;

    @Autowired
    @Qualifier("inboxLease")
    LeasedPollStrategy inboxLease;

    @Autowired
    SeventeenTrack tracking;

    @Autowired
    TrackedNumbers numbers;

    @Autowired
    MarketplacePoller poller;

    @Test
    void aMarketplaceLeasedToAnotherInstanceIsPolledHereOnlyOnceThatLeaseRunsOut() {
        String lease = "marketplace-poll:" + MARKETPLACE;
        heldElsewhere(lease);
        try {
            ObjectNode request = returnObject(MARKETPLACE, "USD", "25.00", null);
            marketplaceHas(request);
            // two returns of another marketplace, the second put there once the first was taken in: the poll that
            // takes in the second started after this marketplace had its return, and skipped it
            ObjectNode first = returnObject("sandbox-us", "USD", "25.00", null);
            marketplaceHas(first);
            caseWhere(first, c -> true);
            ObjectNode second = returnObject("sandbox-us", "USD", "25.00", null);
            marketplaceHas(second);
            caseWhere(second, c -> true);

            assertThat(casesOf(request)).as("not taken in while another instance polls " + MARKETPLACE).isZero();
            assertThat(ownerOf(lease)).isEqualTo(OTHER);

            runsOut(lease);

            caseWhere(request, c -> MARKETPLACE.equals(c.get("marketplace").asString()));
            assertThat(ownerOf(lease)).as("this instance polls it now").isEqualTo(leases.owner());
        } finally {
            givenBack(lease);
        }
    }

    @Test
    void aPollThatLostItsLeaseMidCycleStopsThereWithoutMovingTheCheckpoint() {
        String lease = "marketplace-poll:" + MARKETPLACE;
        heldElsewhere(lease);
        try {
            var before = poller.load(MARKETPLACE);
            Exchange exchange = new DefaultExchange(camel);
            exchange.setVariable(RouteVariables.PAGE_URL, "http://localhost/next-page");

            // a page read while the lease ran out and another instance took it over
            poller.pageDone(MARKETPLACE, "token-of-the-next-page", Instant.now(), exchange);

            assertThat(exchange.getVariable(RouteVariables.PAGE_URL)).as("no further page here").isNull();
            assertThat(poller.load(MARKETPLACE)).as("the holder goes on from the stored checkpoint").isEqualTo(before);
        } finally {
            givenBack(lease);
        }
    }

    @Test
    void theInboxLeasedToAnotherInstanceIsReadHereOnlyOnceThatLeaseRunsOut() throws Exception {
        String lease = inboxLease.name();
        heldElsewhere(lease);
        try {
            String messageId = "<lease-" + UUID.randomUUID() + "@stranger.example>";
            sendToTheInbox("From: stranger@stranger.example\r\nTo: returns@sandbox-seller.example\r\n"
                    + "Subject: Hello\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\nAnyone there?\r\n");

            await().during(SEVERAL_TICKS).atMost(SEVERAL_TICKS.plusSeconds(2))
                    .until(() -> !quarantined(messageId));

            runsOut(lease);

            await().atMost(FLOW_TIMEOUT).until(() -> quarantined(messageId));
            assertThat(ownerOf(lease)).isEqualTo(leases.owner());
        } finally {
            givenBack(lease);
        }
    }

    @Test
    void interceptRequestsGoToAnSftpForwarderFromTheInstanceHoldingItsLease() {
        String lease = "sftp-intercepts:sftp-cargo";
        heldElsewhere(lease);
        try {
            String waybill = waybill("SC");
            parcel("sftp-cargo", waybill, "RECEIVED", true);
            ObjectNode request = returnObject("sandbox-us", "USD", "45.00",
                    Map.of("forwarder", "sftp-cargo", "waybill", waybill));
            marketplaceHas(request);
            caseWhere(request, c -> "AWAITING_FORWARDER".equals(c.get("status").asString()));

            await().during(SEVERAL_TICKS).atMost(SEVERAL_TICKS.plusSeconds(2))
                    .until(() -> interceptsOf("sftp-cargo", waybill).isEmpty());
            assertThat(timelineTypes(caseWhere(request, c -> true))).doesNotContain("INTERCEPT_FILE");

            runsOut(lease);

            caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));
            assertThat(interceptsOf("sftp-cargo", waybill)).hasSize(1);
            assertThat(ownerOf(lease)).isEqualTo(leases.owner());
        } finally {
            givenBack(lease);
        }
    }

    @Test
    void numbersAreRegisteredWith17TrackByTheInstanceHoldingTheSyncLease() {
        String lease = "tracking-sync:17track";
        heldElsewhere(lease);
        try {
            String number = "LEASE" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
            tracking.follow(number, "dhl");

            await().during(SEVERAL_TICKS).atMost(SEVERAL_TICKS.plusSeconds(2))
                    .until(() -> numbers.find(number).orElseThrow().state() == TrackedNumbers.State.PENDING);

            runsOut(lease);

            await().atMost(FLOW_TIMEOUT).until(() ->
                    numbers.find(number).orElseThrow().state() == TrackedNumbers.State.REGISTERED);
            assertThat(ownerOf(lease)).isEqualTo(leases.owner());
        } finally {
            givenBack(lease);
        }
    }

    @Test
    void eachPieceOfSingletonWorkRunsUnderItsOwnLease() {
        // the leases this instance takes at its ticks, by the names another instance would contend for
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT name FROM work_lease WHERE owner = :owner").param("owner", leases.owner())
                .query(String.class).list()).contains(
                        "marketplace-poll:sandbox-us", "marketplace-poll:sandbox-eu", "marketplace-poll:sandbox-jp",
                        "marketplace-poll:sandbox-cn", inboxLease.name(), "sftp-intercepts:sftp-cargo",
                        "tracking-sync:17track", "returns-sweep", "intercept-follow-up",
                        "amazon-report:amazon-us", "amazon-feed:amazon-us"));
        assertThat(inboxLease.name()).isEqualTo("inbox:returns@sandbox-seller.example@localhost/INBOX");
    }

    /** Another instance holds the lease, for longer than the test runs. */
    private void heldElsewhere(String lease) {
        jdbc.sql("""
                        INSERT INTO work_lease (name, owner, lease_until) VALUES (:name, :owner, :until)
                        ON CONFLICT (name) DO UPDATE SET owner = :owner, lease_until = :until""")
                .param("name", lease)
                .param("owner", OTHER)
                .param("until", Timestamp.from(Instant.now().plus(Duration.ofMinutes(10))))
                .update();
    }

    /** The other instance stopped renewing: its lease ran out a moment ago. */
    private void runsOut(String lease) {
        jdbc.sql("UPDATE work_lease SET lease_until = :past WHERE name = :name AND owner = :owner")
                .param("past", Timestamp.from(Instant.now().minusSeconds(1)))
                .param("name", lease)
                .param("owner", OTHER)
                .update();
    }

    /** Whatever happened, the other instance holds nothing afterwards: the next tick here takes the lease. */
    private void givenBack(String lease) {
        jdbc.sql("DELETE FROM work_lease WHERE name = :name AND owner = :owner")
                .param("name", lease)
                .param("owner", OTHER)
                .update();
    }

    private String ownerOf(String lease) {
        return jdbc.sql("SELECT owner FROM work_lease WHERE name = :name").param("name", lease)
                .query(String.class).optional().orElse(null);
    }

    private int casesOf(ObjectNode request) {
        return api.get("/api/cases?orderId=" + request.get("orderId").asString()).json().get("cases").size();
    }

    private boolean quarantined(String messageId) {
        return api.get("/api/quarantine?size=200").json().get("entries").findValuesAsString("reference")
                .contains(messageId);
    }

    private static void sendToTheInbox(String raw) throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", SMTP_PORT, null, null);
            transport.sendMessage(message, new InternetAddress[] {new InternetAddress("returns@sandbox-seller.example")});
        }
    }
}
