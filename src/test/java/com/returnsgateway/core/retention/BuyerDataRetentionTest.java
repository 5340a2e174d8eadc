package com.returnsgateway.core.retention;

import static com.returnsgateway.core.retention.BuyerDataRetention.REMOVED;
import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.cases.CaseRepository;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.intake.Quarantine;
import com.returnsgateway.core.mail.EmailLog;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ReturnRequest;
import com.returnsgateway.core.model.TimelineEvent;
import com.returnsgateway.testsupport.MutableClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thirty days after a case is done its buyer's data is gone from everything an operator can read (the case, its
 * timeline, its emails, the quarantine), while money, ids and the history stay. Time moves by a clock the test turns.
 */
class BuyerDataRetentionTest {

    private static final Instant DONE_AT = Instant.parse("2026-11-01T10:00:00Z");
    private static final String NAME = "Ada Lovelace";
    private static final String EMAIL = "ada.lovelace@buyer.example";
    private static final String STREET = "12 Analytical Way";
    private static final String PHONE = "+1 617 555 0142";
    private static final String COMMENT = "Please call me at home, the lid is cracked";

    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private final MutableClock clock = new MutableClock(DONE_AT);
    private final CaseRepository cases = new CaseRepository(jdbc, json);
    private final EmailLog emails = new EmailLog(jdbc);
    private final Quarantine quarantine = new Quarantine(jdbc, clock);
    private final BuyerDataRetention retention = new BuyerDataRetention(jdbc, json, clock, new Binder(
            new MapConfigurationPropertySource(Map.of("gateway.workers", "1")))
            .bindOrCreate("gateway", GatewayProperties.class));

    @BeforeAll
    static void database() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void thirtyDaysAfterACaseIsDoneItsBuyerIsGoneAndItsMoneyAndHistoryStay() {
        String done = openCase("RET-DONE", CaseStatus.REFUNDED);
        String active = openCase("RET-ACTIVE", CaseStatus.AWAITING_RETURN);
        long entry = quarantineAt(request("RET-BAD"));
        long row = quarantineAt("RMA-1\t" + NAME + "\t" + STREET);

        clock.advance(Duration.ofDays(29));
        assertThat(retention.run()).isEqualTo(new BuyerDataRetention.Result(0, 0));
        assertThat(cases.find(done).orElseThrow().request().buyer().name()).isEqualTo(NAME);

        clock.advance(Duration.ofDays(2));
        assertThat(retention.run()).isEqualTo(new BuyerDataRetention.Result(1, 2));

        ReturnRequest request = cases.find(done).orElseThrow().request();
        assertThat(request.buyer().name()).isEqualTo(REMOVED);
        assertThat(request.buyer().email()).isEqualTo(REMOVED);
        assertThat(request.buyer().address().line1()).isEqualTo(REMOVED);
        assertThat(request.buyer().address().city()).isEqualTo(REMOVED);
        assertThat(request.buyer().address().postalCode()).isEqualTo(REMOVED);
        assertThat(request.buyer().address().phone()).isEqualTo(REMOVED);
        assertThat(request.comment()).isEqualTo(REMOVED);
        assertThat(request.buyer().locale()).as("kept: it says nothing of who").isEqualTo("en-US");
        assertThat(request.buyer().address().country()).isEqualTo("US");
        assertThat(request.returnId()).isEqualTo("RET-DONE");
        assertThat(request.orderId()).isEqualTo("112-RET-DONE");
        assertThat(request.items().get(0).unitPrice().amount()).isEqualByComparingTo(new BigDecimal("14.50"));
        assertThat(request.itemsValue().amount()).isEqualByComparingTo(new BigDecimal("29.00"));

        assertThat(cases.timeline(done)).hasSize(3).extracting(TimelineEvent::message)
                .containsExactly("Return label emailed to " + REMOVED + " (" + REMOVED + ")",
                        "Refunded 29.00 USD; buyer wrote: " + REMOVED,
                        "Email from the buyer (" + REMOVED + ")");
        assertThat(jdbc.sql("SELECT sender || ' ' || subject || ' ' || text FROM buyer_reply WHERE case_id = :id")
                .param("id", done).query(String.class).single()).doesNotContain(EMAIL, "lid", "Sent it back")
                .contains(REMOVED);
        assertThat(jdbc.sql("SELECT count(*) FROM buyer_reply_attachment WHERE case_id = :id").param("id", done)
                .query(Long.class).single()).as("the buyer's photos are gone").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM buyer_reply_attachment WHERE case_id = :id").param("id", active)
                .query(Long.class).single()).as("not done: kept").isOne();
        assertThat(emails.listByCase(done)).singleElement().satisfies(email -> {
            assertThat(email.recipient()).isEqualTo(REMOVED);
            assertThat(email.subject()).isEqualTo("Your return label, " + REMOVED);
            assertThat(email.messageId()).isEqualTo("<RET-DONE.return_label@seller.example>");
        });

        assertThat(cases.find(active).orElseThrow().request().buyer().name()).as("not done: kept").isEqualTo(NAME);
        assertThat(quarantine.find(entry).orElseThrow().payload()).contains("RET-BAD")
                .doesNotContain(NAME, EMAIL, STREET, PHONE, COMMENT);
        assertThat(quarantine.find(row).orElseThrow().payload()).doesNotContain(NAME, STREET).startsWith(REMOVED);

        assertThat(retention.run()).as("nothing left to do").isEqualTo(new BuyerDataRetention.Result(0, 0));
    }

    @Test
    void aCaseDoneRecentlyKeepsItsBuyerUntilItsOwnTimeIsUp() {
        clock.advance(Duration.ofDays(20));
        String recent = openCase("RET-RECENT", CaseStatus.CLOSED);

        clock.advance(Duration.ofDays(15));
        retention.run();
        assertThat(cases.find(recent).orElseThrow().request().buyer().email()).isEqualTo(EMAIL);

        clock.advance(Duration.ofDays(16));
        retention.run();
        assertThat(cases.find(recent).orElseThrow().request().buyer().email()).isEqualTo(REMOVED);
    }

    /** A case in {@code status}, moved there at the clock's time, with the buyer in its timeline and emails log. */
    private String openCase(String returnId, CaseStatus status) {
        String caseId = "RC-" + returnId;
        cases.insertIfNew(caseId, json.readValue(request(returnId), ReturnRequest.class), clock.instant());
        cases.updateStatus(caseId, CaseStatus.RECEIVED, status, null, null, clock.instant());
        cases.addEvent(caseId, new TimelineEvent(clock.instant(), "mail", "EMAIL",
                "Return label emailed to " + NAME + " (" + EMAIL + ")", null));
        cases.addEvent(caseId, new TimelineEvent(clock.instant(), "settle", "REFUND",
                "Refunded 29.00 USD; buyer wrote: " + COMMENT, "SENT"));
        emails.record(caseId, 0, new EmailLog.SentEmail("return_label", EMAIL, "Your return label, " + NAME,
                "<" + returnId + ".return_label@seller.example>", "return-label.pdf", clock.instant()));
        long reply = jdbc.sql("""
                        INSERT INTO buyer_reply (case_id, message_key, kind, sender, subject, text, received_at)
                        VALUES (:id, :key, 'REPLY', :sender, 'Re: Your return label', :text, :at) RETURNING id""")
                .param("id", caseId).param("key", "<reply-" + returnId + "@buyer.example>").param("sender", EMAIL)
                .param("text", "Sent it back, the lid is cracked").param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO buyer_reply_attachment (reply_id, case_id, file_name, content_type, size, content)
                        VALUES (:reply, :id, 'lid.jpg', 'image/jpeg', 3, :bytes)""")
                .param("reply", reply).param("id", caseId).param("bytes", new byte[] {1, 2, 3}).update();
        cases.addEvent(caseId, new TimelineEvent(clock.instant(), "buyer", "BUYER_REPLY",
                "Email from " + EMAIL + ": Sent it back, the lid is cracked", null));
        return caseId;
    }

    private long quarantineAt(String payload) {
        quarantine.keep("marketplace:sandbox-us", "R", "invalid buyer.email " + EMAIL, payload);
        return jdbc.sql("SELECT max(id) FROM quarantine").query(Long.class).single();
    }

    private static String request(String returnId) {
        return """
                {"marketplace": "sandbox-us", "returnId": "%s", "orderId": "112-%s", "reason": "DAMAGED",
                 "comment": "%s",
                 "buyer": {"name": "%s", "email": "%s", "locale": "en-US",
                           "address": {"line1": "%s", "city": "Boston", "region": "MA", "postalCode": "02110",
                                       "country": "US", "phone": "%s"}},
                 "items": [{"sku": "MUG-01", "title": "Enamel mug", "quantity": 2,
                            "unitPrice": {"amount": "14.50", "currency": "USD"}}]}"""
                .formatted(returnId, returnId, COMMENT, NAME, EMAIL, STREET, PHONE);
    }
}
