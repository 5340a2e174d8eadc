package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/** Buyer name, email, address and phone never reach a log line, on the happy path nor when input is quarantined. */
class PiiInLogsTest extends SandboxGatewayTest {

    private static final String NAME = "Zebediah Quuxworth";
    private static final String EMAIL = "zebediah.quux@pii-probe.example";
    private static final String PHONE = "+1 555 867 5309";
    private static final String LINE1 = "77 Unrepeatable Lane";

    @Test
    void buyerDataNeverReachesTheLogs() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            String waybill = waybill("4PX");
            parcel("4px", waybill, "F", true);
            ObjectNode good = withBuyer(returnObject("sandbox-us", "USD", "45.00",
                    Map.of("forwarder", "4px", "waybill", waybill)), EMAIL);
            assertThat(api.post("/api/returns", good).status()).isEqualTo(202);
            var waiting = caseWhere(good, c -> "AWAITING_RETURN".equals(c.get("status").asString()));
            api.post("/api/cases/" + waiting.get("caseId").asString() + "/received", "");
            caseWhere(good, c -> "REFUNDED".equals(c.get("status").asString()));

            // the same buyer with a broken address, polled from a marketplace: quarantined, and the reason quotes it
            ObjectNode bad = withBuyer(returnObject("sandbox-us", "USD", "45.00", null), "zebediah.quux@@pii-probe.example");
            marketplaceHas(bad);
            await().atMost(FLOW_TIMEOUT).until(() -> api.get("/api/quarantine?size=50").json().get("entries").findValuesAsString("reference")
                    .contains(bad.get("returnId").asString()));
            // and at the API, where the answer may quote it back to the caller (but the logs may not)
            assertThat(api.post("/api/returns", withBuyer(returnObject("sandbox-us", "USD", "45.00", null),
                    "zebediah.quux@pii-probe")).status()).isEqualTo(400);
        } finally {
            root.detachAppender(captured);
        }

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            lines.add(event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
        assertThat(lines).as("log lines captured").isNotEmpty();
        assertThat(lines).anyMatch(l -> l.contains("Quarantined input"));
        for (String pii : List.of(NAME, "Quuxworth", EMAIL, "zebediah.quux", "867 5309", "8675309", LINE1)) {
            assertThat(lines).as(pii).noneMatch(l -> l.contains(pii));
        }
    }

    private static ObjectNode withBuyer(ObjectNode request, String email) {
        ObjectNode buyer = (ObjectNode) request.get("buyer");
        buyer.put("name", NAME);
        buyer.put("email", email);
        ObjectNode address = (ObjectNode) buyer.get("address");
        address.put("name", NAME);
        address.put("line1", LINE1);
        address.put("phone", PHONE);
        return request;
    }

}
