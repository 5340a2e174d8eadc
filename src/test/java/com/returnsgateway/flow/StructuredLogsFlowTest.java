package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.returnsgateway.testsupport.Http;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON log lines of a case's work, as production writes them (logging.structured.format.console=ecs, the same
 * encoder): every line about the case carries its id in the field caseId, whichever thread wrote it (the API's, a
 * case worker's, a sweep's), and no buyer data.
 */
class StructuredLogsFlowTest extends SandboxGatewayTest {

    private static final Pattern CASE_ID = Pattern.compile("RC-[A-Z0-9]{10}");

    @Test
    void everyLineAboutACaseCarriesItsCaseIdField() {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Delivered", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "48.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        String buyerEmail = buyerEmail(request);
        String buyerName = request.get("buyer").get("name").asString();

        List<JsonNode> lines = jsonLinesWhile(() -> {
            api.post("/api/returns", request);
            JsonNode waiting = caseWhere(request, c -> "AWAITING_RETURN".equals(c.get("status").asString()));
            api.post("/api/cases/" + waiting.get("caseId").asString() + "/received", "");
            caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));
        });
        String caseId = caseWhere(request, c -> true).get("caseId").asString();

        List<JsonNode> aboutTheCase = lines.stream()
                .filter(line -> line.path("message").asString("").contains(caseId)).toList();
        assertThat(aboutTheCase).as("lines naming the case").hasSizeGreaterThanOrEqualTo(4);
        assertThat(aboutTheCase).allSatisfy(line ->
                assertThat(line.path("caseId").asString(null)).as(line.toString()).isEqualTo(caseId));

        List<JsonNode> ofTheCase = lines.stream().filter(line -> caseId.equals(line.path("caseId").asString(null)))
                .toList();
        Set<String> threads = ofTheCase.stream().map(line -> line.path("process").path("thread").path("name")
                .asString("")).collect(Collectors.toSet());
        assertThat(threads).as("the API's thread and a case worker's").hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines).as("no line carries the id of a case it is not about").allSatisfy(line -> {
            String field = line.path("caseId").asString(null);
            Matcher named = CASE_ID.matcher(line.path("message").asString(""));
            while (field != null && named.find()) {
                assertThat(named.group()).as(line.toString()).isEqualTo(field);
            }
        });
        assertThat(lines).as("one JSON object per line, with the ECS fields")
                .allSatisfy(line -> assertThat(line.has("@timestamp") && line.has("message")).isTrue());
        assertThat(lines).noneMatch(line -> line.toString().contains(buyerEmail) || line.toString().contains(buyerName));
    }

    /** The log lines written while {@code work} runs, each encoded as the prod profile's console encodes it. */
    private static List<JsonNode> jsonLinesWhile(Runnable work) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.start();
        List<String> encoded = Collections.synchronizedList(new ArrayList<>());
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                // encoded at once, on the logging thread, where its MDC is
                encoded.add(new String(encoder.encode(event), StandardCharsets.UTF_8));
            }
        };
        appender.setContext(context);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        try {
            work.run();
        } finally {
            root.detachAppender(appender);
            appender.stop();
            encoder.stop();
        }
        List<JsonNode> lines = new ArrayList<>();
        synchronized (encoded) {
            encoded.forEach(line -> lines.add(Http.JSON.readTree(line.strip())));
        }
        return lines;
    }
}
