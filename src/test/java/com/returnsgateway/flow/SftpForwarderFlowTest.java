package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.sandbox.SftpForwarderSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A cargo agent that speaks CSV files over SFTP (the sandbox's MINA SSHD server): statuses come from its status
 * files, intercepts go out in request files and come back in result files, and the cases read as clearly as HTTP ones.
 */
class SftpForwarderFlowTest extends SandboxGatewayTest {

    private static final String FORWARDER = "sftp-cargo";

    @Autowired
    SftpForwarderSimulator sftp;

    @AfterEach
    void forwarderAnswersAgain() {
        sftp.setAnswering(true);
    }

    @Test
    void interceptAcceptedInAResultFileRefundsInFull() {
        String waybill = waybill("SC");
        parcel(FORWARDER, waybill, "RECEIVED", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "45.00", Map.of("forwarder", FORWARDER, "waybill", waybill));
        marketplaceHas(request);

        JsonNode c = caseWhere(request, d -> "REFUNDED".equals(d.get("status").asString()));

        assertThat(c.get("shipmentState").asString()).isEqualTo("AWAITING_DISPATCH");
        assertThat(timelineText(c)).contains("status file of").contains("uploaded to sftp-cargo in intercepts-")
                .contains("ACCEPTED");
        assertThat(timelineTypes(c)).containsSubsequence("SHIPMENT_STATUS", "INTERCEPT_FILE", "INTERCEPT", "REFUND");
        assertThat(refundsFor(request.get("returnId").asString())).singleElement()
                .satisfies(r -> assertThat(r.get("reason").asString()).isEqualTo("PARCEL_INTERCEPTED"));
        assertThat(interceptsOf(FORWARDER, waybill)).singleElement()
                .satisfies(i -> assertThat(i.get("idempotencyKey").asString()).endsWith(":intercept"));
        await().until(() -> done().stream().anyMatch(name -> name.startsWith("results-")));
    }

    @Test
    void interceptRejectedInAResultFileContinuesAsInTransit() {
        String waybill = waybill("SC");
        parcel(FORWARDER, waybill, "IN_WAREHOUSE", false);
        ObjectNode request = returnObject("sandbox-eu", "EUR", "64.90", Map.of("forwarder", FORWARDER, "waybill", waybill));
        marketplaceHas(request);

        JsonNode c = caseWhere(request, d -> "AWAITING_BUYER".equals(d.get("status").asString()));

        assertThat(c.get("intercept").get("outcome").get("result").asString()).isEqualTo("REJECTED");
        assertThat(refundsFor(request.get("returnId").asString())).isEmpty();
        assertThat(mailsTo(buyerEmail(request))).anySatisfy(m ->
                assertThat(m.get("subject").asString()).contains("on its way"));
    }

    @Test
    void deliveredParcelFromAStatusFileGetsALabel() {
        String waybill = waybill("SC");
        parcel(FORWARDER, waybill, "DELIVERED", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "80.00", Map.of("forwarder", FORWARDER, "waybill", waybill));
        marketplaceHas(request);

        JsonNode c = settledCase(request);

        assertThat(c.get("status").asString()).isEqualTo("AWAITING_RETURN");
        assertThat(c.get("forwarderCode").asString()).isEqualTo("DELIVERED");
        assertThat(interceptsOf(FORWARDER, waybill)).isEmpty();
    }

    @Test
    void noAnswerByTheDeadlineHandsTheCaseToOperationsAndTellsTheBuyer() {
        sftp.setAnswering(false);
        String waybill = waybill("SC");
        parcel(FORWARDER, waybill, "RECEIVED", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "30.00", Map.of("forwarder", FORWARDER, "waybill", waybill));
        marketplaceHas(request);

        JsonNode waiting = caseWhere(request, d -> "AWAITING_FORWARDER".equals(d.get("status").asString()));
        assertThat(waiting.get("phase").asString()).isEqualTo("WAITING");
        JsonNode c = caseWhere(request, d -> "MANUAL_REVIEW".equals(d.get("status").asString()));

        assertThat(c.get("statusReason").asString()).contains("No answer from sftp-cargo").contains(waybill);
        await().until(() -> !mailsTo(buyerEmail(request)).isEmpty());
        assertThat(mailsTo(buyerEmail(request))).singleElement()
                .satisfies(m -> assertThat(m.get("subject").asString()).contains("is being handled"));
        assertThat(refundsFor(request.get("returnId").asString())).isEmpty();
    }

    @Test
    void aResultFileWithABadRowAppliesTheGoodRowsAndReportsTheBadOneByLine() throws Exception {
        sftp.setAnswering(false);
        String waybill = waybill("SC");
        parcel(FORWARDER, waybill, "RECEIVED", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "30.00", Map.of("forwarder", FORWARDER, "waybill", waybill));
        marketplaceHas(request);
        JsonNode waiting = caseWhere(request, d -> "AWAITING_FORWARDER".equals(d.get("status").asString()));
        String requestId = "rg:sandbox-us:" + request.get("returnId").asString() + ":intercept";
        await().until(() -> timelineTypes(api.get("/api/cases/" + waiting.get("caseId").asString()).json())
                .contains("INTERCEPT_FILE"));

        String fileName = "results-manual-" + waybill + ".csv";
        String csv = "request_id,waybill,outcome,code,message,answered_at\r\n"
                + requestId + "," + waybill + ",ACCEPTED,OK,held at the warehouse,2026-11-26T08:00:00Z\r\n"
                + "unknown-request," + waybill + ",MAYBE,,,not-a-time\r\n";
        Path tmp = outbound().resolve(".upload-" + fileName);
        Files.writeString(tmp, csv, StandardCharsets.UTF_8);
        Files.move(tmp, outbound().resolve(fileName));

        caseWhere(request, d -> "REFUNDED".equals(d.get("status").asString()));
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(outbound().resolve("error/" + fileName + ".report.txt")));
        assertThat(outbound().resolve("error/" + fileName)).exists();
        assertThat(Files.readString(outbound().resolve("error/" + fileName + ".report.txt"))).contains("line 3");
    }

    private Path outbound() {
        return sftp.root().resolve("outbound");
    }

    private List<String> done() throws Exception {
        Path done = outbound().resolve("done");
        if (!Files.isDirectory(done)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
