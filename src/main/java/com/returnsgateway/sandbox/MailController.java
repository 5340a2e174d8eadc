package com.returnsgateway.sandbox;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Inspection of the emails the sandbox SMTP server captured. */
@RestController
@RequestMapping("/sandbox/mail")
@SandboxEnabled
public class MailController {

    private final SandboxMailServer mail;

    public MailController(SandboxMailServer mail) {
        this.mail = mail;
    }

    /** Captured emails in arrival order; {@code to} keeps those with that recipient (envelope, To or Cc). */
    @GetMapping
    public ArrayNode list(@RequestParam(name = "to", required = false) String to) {
        ArrayNode list = Json.NODES.arrayNode();
        for (SandboxMailServer.CapturedMail m : mail.mails()) {
            if (to == null || to.isBlank() || m.isFor(to)) {
                list.add(describe(m));
            }
        }
        return list;
    }

    @GetMapping("/{index}")
    public ObjectNode one(@PathVariable("index") int index) {
        return describe(find(index));
    }

    /** The message as received (RFC 822). */
    @GetMapping("/{index}/raw")
    public ResponseEntity<byte[]> raw(@PathVariable("index") int index) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822")).body(find(index).raw());
    }

    @GetMapping("/{index}/attachments/{attachment}")
    public ResponseEntity<byte[]> attachment(@PathVariable("index") int index,
                                             @PathVariable("attachment") int attachment) {
        SandboxMailServer.CapturedMail m = find(index);
        if (attachment < 0 || attachment >= m.attachments().size()) {
            throw SandboxException.notFound("email " + index + " has no attachment " + attachment);
        }
        SandboxMailServer.Attachment a = m.attachments().get(attachment);
        MediaType type;
        try {
            type = MediaType.parseMediaType(a.contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        String name = a.name() == null ? "attachment-" + attachment : a.name();
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(a.content());
    }

    /** Control: forget the captured emails. */
    @DeleteMapping
    public ResponseEntity<Void> clear() {
        mail.clear();
        return ResponseEntity.noContent().build();
    }

    private SandboxMailServer.CapturedMail find(int index) {
        return mail.mail(index).orElseThrow(() -> SandboxException.notFound("no email " + index));
    }

    static ObjectNode describe(SandboxMailServer.CapturedMail m) {
        ObjectNode n = Json.object();
        n.put("index", m.index());
        n.put("messageId", m.messageId());
        n.put("from", m.from());
        n.put("fromName", m.fromName());
        ArrayNode to = n.putArray("to");
        m.to().forEach(to::add);
        ArrayNode cc = n.putArray("cc");
        m.cc().forEach(cc::add);
        ArrayNode recipients = n.putArray("recipients");
        synchronized (m.recipients()) {
            m.recipients().forEach(recipients::add);
        }
        n.put("subject", m.subject());
        n.put("sentDate", m.sentDate() == null ? null : m.sentDate().toString());
        n.put("receivedAt", m.receivedAt().toString());
        ArrayNode types = n.putArray("contentTypes");
        m.contentTypes().forEach(types::add);
        n.put("textBody", m.textBody());
        n.put("htmlBody", m.htmlBody());
        ArrayNode attachments = n.putArray("attachments");
        for (SandboxMailServer.Attachment a : m.attachments()) {
            ObjectNode an = attachments.addObject();
            an.put("index", a.index());
            an.put("name", a.name());
            an.put("contentType", a.contentType());
            an.put("size", a.content().length);
            an.put("url", "/sandbox/mail/" + m.index() + "/attachments/" + a.index());
        }
        return n;
    }
}
