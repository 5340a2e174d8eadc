package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Buyers reply by mail to the sandbox's inbox (SMTP in, IMAP out: the real GreenMail on local ports) and the gateway's
 * buyer-replies route puts each reply on its case, or in the quarantine.
 */
class BuyerReplyFlowTest extends SandboxGatewayTest {

    private static final String INBOX = "returns@sandbox-seller.example";
    private static final byte[] PHOTO = "not really a jpeg, but bytes all the same".getBytes(StandardCharsets.UTF_8);

    /** A case that sent the buyer a return label and waits for the parcel. */
    private JsonNode awaitingReturn(ObjectNode request) {
        String waybill = waybill("4PX");
        parcel("4px", waybill, "F", true);
        request.putObject("shipment").put("forwarder", "4px").put("waybill", waybill);
        assertThat(api.post("/api/returns", request).status()).isEqualTo(202);
        JsonNode waiting = caseWhere(request, c -> "AWAITING_RETURN".equals(c.get("status").asString()));
        await().atMost(FLOW_TIMEOUT).until(() -> !mailsTo(buyerEmail(request)).isEmpty());
        return waiting;
    }

    private JsonNode caseDetail(String caseId) {
        return api.get("/api/cases/" + caseId).json();
    }

    private JsonNode awaitTimeline(String caseId, String type) {
        await().atMost(FLOW_TIMEOUT).until(() -> timelineTypes(caseDetail(caseId)).contains(type));
        return caseDetail(caseId);
    }

    private List<JsonNode> replyTasks(String caseId) {
        return mailsTo("ops@sandbox-seller.example").stream()
                .filter(m -> m.get("messageId").asString().startsWith("<" + caseId + ".buyer_replied-"))
                .toList();
    }

    private static void send(String raw) throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", SMTP_PORT, null, null);
            transport.sendMessage(message, new InternetAddress[] {new InternetAddress(INBOX)});
        }
    }

    private static String plain(String from, String subject, String headers, String body) {
        return "From: " + from + "\r\nTo: " + INBOX + "\r\nSubject: " + subject + "\r\n" + headers
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n";
    }

    @Test
    void aReplyToTheLabelEmailLandsOnItsCaseWithItsPhotoAndTrackingNumber() {
        ObjectNode request = returnObject("sandbox-us", "USD", "45.00", null);
        String caseId = awaitingReturn(request).get("caseId").asString();

        var sent = sandbox.post("/sandbox/buyers/reply", Map.of("caseId", caseId,
                "text", "Hello, I sent it back today with UPS 1Z999AA10123456784. A photo of the damage is attached.",
                "attachment", Map.of("name", "damage.jpg", "contentType", "image/jpeg",
                        "base64", Base64.getEncoder().encodeToString(PHOTO))));
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        assertThat(sent.json().get("inReplyTo").asString()).startsWith("<" + caseId + ".return_label@");

        JsonNode detail = awaitTimeline(caseId, "BUYER_REPLY");
        String text = timelineText(detail);
        assertThat(text).contains("Buyer replied by email from " + buyerEmail(request), "UPS 1Z999AA10123456784",
                "damage.jpg (image/jpeg, " + PHOTO.length + " bytes)");
        assertThat(text).as("quoted history cut off").doesNotContain("> ", "wrote:");
        assertThat(detail.get("status").asString()).isEqualTo("AWAITING_RETURN");
        assertThat(jdbc.sql("SELECT content FROM buyer_reply_attachment WHERE case_id = :id").param("id", caseId)
                .query(byte[].class).single()).isEqualTo(PHOTO);
        assertThat(jdbc.sql("SELECT number || '/' || carrier || '/' || source FROM return_parcel WHERE case_id = :id")
                .param("id", caseId).query(String.class).single()).isEqualTo("1Z999AA10123456784/UPS/buyer reply");
        await().atMost(FLOW_TIMEOUT).until(() -> replyTasks(caseId).size() == 1);
        assertThat(replyTasks(caseId).get(0).get("textBody").asString()).contains("The buyer replied by email");
        await().atMost(FLOW_TIMEOUT).until(() -> timelineText(caseDetail(caseId)).contains("sent to operations about"));
        assertThat(replyTasks(caseId)).hasSize(1);
    }

    @Test
    void aReplyNamingTheCaseInItsSubjectIsMatched() throws Exception {
        ObjectNode request = returnObject("sandbox-us", "USD", "45.00", null);
        String caseId = awaitingReturn(request).get("caseId").asString();
        send(plain(buyerEmail(request), "Question about " + caseId, "", "When do I get my refund?"));
        assertThat(timelineText(awaitTimeline(caseId, "BUYER_REPLY"))).contains("When do I get my refund?");
    }

    @Test
    void mailMatchingNoCaseIsQuarantinedWhole() throws Exception {
        String token = "unmatched-" + UUID.randomUUID();
        String messageId = "<" + token + "@stranger.example>";
        send(plain("stranger@stranger.example", "Hello there", "Message-ID: " + messageId + "\r\n", "Body " + token));
        await().atMost(FLOW_TIMEOUT).until(() -> api.get("/api/quarantine?size=50").json().get("entries")
                .findValuesAsString("reference").contains(messageId));
        JsonNode entry = null;
        for (JsonNode e : api.get("/api/quarantine?size=50").json().get("entries")) {
            if (messageId.equals(e.get("reference").asString())) {
                entry = api.get("/api/quarantine/" + e.get("id").asLong()).json();
            }
        }
        assertThat(entry.get("source").asString()).isEqualTo("inbox");
        assertThat(entry.get("reason").asString()).contains("matches no case");
        assertThat(entry.get("payload").asString()).contains("Message-ID: " + messageId, "Body " + token);
    }

    @Test
    void autoRepliesAndBouncesAreRecordedButWakeNothing() throws Exception {
        ObjectNode request = returnObject("sandbox-us", "USD", "45.00", null);
        String caseId = awaitingReturn(request).get("caseId").asString();
        String label = mailsTo(buyerEmail(request)).get(0).get("messageId").asString();
        JsonNode before = caseDetail(caseId);

        send(plain(buyerEmail(request), "Automatic reply: away", "In-Reply-To: " + label
                + "\r\nAuto-Submitted: auto-replied\r\n", "I am away until Monday. UPS 1Z999AA10123456784"));
        send("From: MAILER-DAEMON@mx.buyer.example\r\nTo: " + INBOX + "\r\nSubject: Undelivered Mail\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nMailbox full.\r\n"
                + "--b\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: " + label + "\r\n--b--\r\n");

        awaitTimeline(caseId, "AUTO_REPLY");
        JsonNode after = awaitTimeline(caseId, "BOUNCE");
        assertThat(timelineTypes(after)).doesNotContain("BUYER_REPLY", "RETURN_TRACKING");
        assertThat(after.get("status").asString()).isEqualTo(before.get("status").asString());
        assertThat(after.get("phase").asString()).isEqualTo(before.get("phase").asString());
        assertThat(replyTasks(caseId)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM return_parcel WHERE case_id = :id").param("id", caseId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theSameMessageTwiceIsProcessedOnceEvenAfterARestart() throws Exception {
        ObjectNode request = returnObject("sandbox-us", "USD", "45.00", null);
        String caseId = awaitingReturn(request).get("caseId").asString();
        String messageId = "<twice-" + UUID.randomUUID() + "@buyer.example>";
        String raw = plain(buyerEmail(request), "About " + caseId, "Message-ID: " + messageId + "\r\n", "Once only");

        send(raw);
        awaitTimeline(caseId, "BUYER_REPLY");
        // a restart of the reader: the processed key is in the database, not in the route
        camel.getRouteController().stopRoute("buyer-replies");
        camel.getRouteController().startRoute("buyer-replies");
        send(raw); // delivered again, as a mail server or a forwarding rule may do
        await().atMost(FLOW_TIMEOUT).until(() -> copiesSeen(messageId) == 2);

        assertThat(timelineTypes(caseDetail(caseId)).stream().filter("BUYER_REPLY"::equals)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM buyer_reply WHERE message_key = :key").param("key", messageId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM idempotent_key WHERE processor = 'buyer-replies' AND key = :key")
                .param("key", messageId).query(Long.class).single()).isEqualTo(1);
        await().atMost(FLOW_TIMEOUT).until(() -> replyTasks(caseId).size() == 1);
    }

    /** How many copies of the message the gateway has read and marked seen in the sandbox's mailbox. */
    private static int copiesSeen(String messageId) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", IMAP_PORT, INBOX, "sandbox-inbox");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int seen = 0;
            for (Message m : inbox.getMessages()) {
                String[] ids = m.getHeader("Message-ID");
                if (ids != null && messageId.equals(ids[0]) && m.isSet(Flags.Flag.SEEN)) {
                    seen++;
                }
            }
            inbox.close(false);
            return seen;
        } finally {
            store.close();
        }
    }
}
