package com.returnsgateway.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InboundMailReaderTest {

    private final InboundMailReader reader = new InboundMailReader();

    private static byte[] mail(String headers, String body) {
        return (headers + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void cutsTheQuotedHistory() {
        assertThat(InboundMailReader.ownWords("Sent today.\n\nOn Mon, 2 Nov 2026 at 10:00, Returns <r@x.example> wrote:\n> Hello"))
                .isEqualTo("Sent today.");
        assertThat(InboundMailReader.ownWords("Sent today.\nOn Mon, 2 Nov 2026 at 10:00, Returns\n<r@x.example> wrote:\nold text"))
                .isEqualTo("Sent today.");
        assertThat(InboundMailReader.ownWords("Thanks\n> quoted\nafter")).isEqualTo("Thanks");
        assertThat(InboundMailReader.ownWords("Thanks\n-----Original Message-----\nold")).isEqualTo("Thanks");
        assertThat(InboundMailReader.ownWords("One\nOnly my own words\nwrote: nothing")).isEqualTo("One\nOnly my own words\nwrote: nothing");
    }

    @Test
    void readsAReplyWithWhatItAnswers() throws Exception {
        InboundMail mail = reader.read(mail("""
                From: Buyer <buyer@b.example>\r
                To: returns@s.example\r
                Subject: Re: Your return label\r
                Message-ID: <abc@b.example>\r
                In-Reply-To: <RC-1.return_label@s.example>\r
                References: <x@s.example> <RC-1.return_label@s.example>\r
                """, "Sent with UPS 1Z999AA10123456784\r\n\r\nOn Mon, Returns wrote:\r\n> old\r\n"));
        assertThat(mail.key()).isEqualTo("<abc@b.example>");
        assertThat(mail.from()).isEqualTo("buyer@b.example");
        assertThat(mail.relatedIds()).containsExactly("<RC-1.return_label@s.example>", "<x@s.example>");
        assertThat(mail.text()).isEqualTo("Sent with UPS 1Z999AA10123456784");
        assertThat(mail.kind()).isEqualTo(InboundMail.Kind.REPLY);
    }

    @Test
    void recognisesAutoRepliesAndBounces() throws Exception {
        String from = "From: b@b.example\r\nSubject: Re: label\r\n";
        assertThat(reader.read(mail(from + "Auto-Submitted: auto-replied\r\n", "away")).kind())
                .isEqualTo(InboundMail.Kind.AUTO_REPLY);
        assertThat(reader.read(mail(from + "Auto-Submitted: no\r\n", "here")).kind()).isEqualTo(InboundMail.Kind.REPLY);
        assertThat(reader.read(mail(from + "X-Autoreply: yes\r\n", "away")).kind()).isEqualTo(InboundMail.Kind.AUTO_REPLY);
        assertThat(reader.read(mail(from + "Precedence: bulk\r\n", "away")).kind()).isEqualTo(InboundMail.Kind.AUTO_REPLY);
        assertThat(reader.read(mail("From: b@b.example\r\nSubject: Out of Office: back Monday\r\n", "away")).kind())
                .isEqualTo(InboundMail.Kind.AUTO_REPLY);
        InboundMail bounce = reader.read(("""
                From: MAILER-DAEMON@mx.example\r
                Subject: Undelivered Mail Returned to Sender\r
                Message-ID: <bounce-1@mx.example>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r
                \r
                --b\r
                Content-Type: text/plain\r
                \r
                Delivery failed.\r
                --b\r
                Content-Type: text/rfc822-headers\r
                \r
                Message-ID: <RC-2.return_label@s.example>\r
                --b--\r
                """).getBytes(StandardCharsets.UTF_8));
        assertThat(bounce.kind()).isEqualTo(InboundMail.Kind.BOUNCE);
        assertThat(bounce.relatedIds()).containsExactly("<RC-2.return_label@s.example>");
    }

    @Test
    void keysAMessageWithoutIdByItsHashAndRefusesOneWithoutSender() throws Exception {
        byte[] raw = mail("From: b@b.example\r\nSubject: hi\r\n", "x");
        assertThat(reader.read(raw).key()).isEqualTo(InboundMailReader.keyOf(raw)).startsWith("sha256:");
        assertThatThrownBy(() -> reader.read(mail("Subject: hi\r\n", "x")))
                .isInstanceOf(InboundMailReader.MalformedMailException.class).hasMessageContaining("no sender");
    }
}
