package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.testsupport.Browser;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's Insights page in a real headless Chromium: a viewer opens the charts of a day and reads the figures
 * of the cases this test made (an intercept accepted, one rejected, a returnless refund) in the charts' tables.
 */
class ConsoleInsightsBrowserTest extends SandboxGatewayTest {

    /** The day this test's cases are moved to, so that no other test's cases count in its figures. */
    private static final LocalDate DAY = LocalDate.of(2002, 6, 12);
    private static final String ODD_REASON = "Changed mind <!--<script> \"quoted\" & more";

    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aViewerReadsTheChartsOfADayAndTheFiguresOfItsCases() {
        String sku = "SKU-INSIGHTS-" + waybill("").substring(0, 6);
        String stopped = waybill("GE");
        parcel("generic-express", stopped, "Pending", true);
        ObjectNode intercepted = returnObject("sandbox-us", "USD", "39.99",
                Map.of("forwarder", "generic-express", "waybill", stopped));
        ((ObjectNode) intercepted.get("items").get(0)).put("sku", sku);
        String gone = waybill("GE");
        parcel("generic-express", gone, "Pending", false);
        ObjectNode notStopped = returnObject("sandbox-us", "USD", "25.00",
                Map.of("forwarder", "generic-express", "waybill", gone));
        ((ObjectNode) notStopped.get("items").get(0)).put("sku", sku);
        String delivered = waybill("GE");
        parcel("generic-express", delivered, "Delivered", true);
        ObjectNode cheap = returnObject("sandbox-eu", "EUR", "8.50",
                Map.of("forwarder", "generic-express", "waybill", delivered));
        // sent back from Canada it would have cost the seller 30 USD (the sandbox's return shipping costs)
        ((ObjectNode) cheap.get("buyer").get("address")).put("country", "CA");
        // the next day, a reason that would derail an HTML parser reading it inside a <script> element
        String alsoDelivered = waybill("GE");
        parcel("generic-express", alsoDelivered, "Delivered", true);
        ObjectNode odd = returnObject("sandbox-eu", "EUR", "7.00",
                Map.of("forwarder", "generic-express", "waybill", alsoDelivered));
        odd.put("reason", ODD_REASON);
        List.of(intercepted, notStopped, cheap, odd).forEach(this::marketplaceHas);
        String a = caseWhere(intercepted, c -> "REFUNDED".equals(c.get("status").asString())).get("caseId").asString();
        String b = caseWhere(notStopped, c -> "AWAITING_BUYER".equals(c.get("status").asString())).get("caseId").asString();
        String c = caseWhere(cheap, d -> "REFUNDED".equals(d.get("status").asString())).get("caseId").asString();
        String d = caseWhere(odd, e -> "REFUNDED".equals(e.get("status").asString())).get("caseId").asString();
        moveTo(DAY, List.of(a, b, c), 2);
        moveTo(DAY.plusDays(1), List.of(d), 1);
        assertThat(sandbox.get("/webjars/echarts/dist/echarts.min.js").status()).isEqualTo(200);

        logIn("viewer", "viewer-sandbox");
        browser.findElement(By.linkText("数据分析")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("数据分析");
        browser.get(url("/console/insights?from=" + DAY + "&to=" + DAY.plusDays(1)));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        for (String chart : List.of("chart-reasons", "chart-intercepts", "chart-refunds", "chart-skus")) {
            wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(By.id(chart), By.cssSelector("svg, canvas")));
        }

        assertThat(text("period-text")).startsWith("统计期间：2002-06-12 至 2002-06-12，共 1 天");
        assertThat(rows("table-reasons")).containsExactly("退货原因 退货数 占比", "DAMAGED 3 100.0 %");
        assertThat(rows("table-skus")).contains("1 " + sku + " 2 2 64.99 USD");
        assertThat(rows("table-intercepts")).containsExactly("货代 申请 成功 被拒 未答复 成功率",
                "generic-express 2 1 1 0 50.0 %");
        assertThat(rows("table-refunds")).containsExactly("日期 币种 退款笔数 金额",
                "2002-06-12 EUR 1 8.50 EUR", "2002-06-12 USD 1 39.99 USD");
        assertThat(text("kept-intercepts")).contains("拦截挽回的货值", "39.99 USD", "1 个包裹在货代处成功拦截");
        assertThat(text("kept-returnless")).contains("免退货节省的运费", "30.00 USD", "1 笔免退货退款");
        assertThat(text("how-counted")).contains("统计口径", "被货代接受的拦截");
        assertThat(browser.getPageSource()).doesNotContain("??insights");
        Browser.screenshot(browser, "insights");

        // a period that ends before it begins is refused, saying so, with the dates kept in the form to correct
        browser.get(url("/console/insights?from=" + DAY + "&to=" + DAY.minusDays(5)));
        assertThat(text("refused")).contains("必须晚于开始日期");
        assertThat(browser.findElement(By.id("to")).getAttribute("value")).isEqualTo(DAY.minusDays(5).toString());
        assertThat(browser.findElements(By.id("chart-reasons"))).isEmpty();

        // what the marketplace wrote is text on the page, and the charts after it are still drawn
        browser.get(url("/console/insights?from=" + DAY.plusDays(1) + "&to=" + DAY.plusDays(2)));
        wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(By.id("chart-skus"), By.cssSelector("svg")));
        assertThat(rows("table-reasons")).containsExactly("退货原因 退货数 占比", ODD_REASON + " 1 100.0 %");

        // in English, the same period (switching language keeps the URL's query)
        browser.findElement(By.linkText("English")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Insights"));
        assertThat(text("period-text")).isEqualTo(DAY.plusDays(1) + " to " + DAY.plusDays(1)
                + ": 1 days, in Asia/Shanghai time.");

        // with no period named: the last 30 days
        browser.get(url("/console/insights"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Insights"));
        assertThat(text("period-text")).endsWith(": 30 days, in Asia/Shanghai time.");
        assertThat(browser.findElement(By.id("last-30")).getAttribute("class")).contains("current");
        assertThat(browser.getPageSource()).doesNotContain("??insights");
    }

    /** Opened, asked, answered and refunded at noon of the day in the team's zone, once its refunds are sent. */
    private void moveTo(LocalDate day, List<String> caseIds, int refunds) {
        await().atMost(FLOW_TIMEOUT).until(() -> jdbc.sql("""
                        SELECT count(*) FROM refund_instruction WHERE case_id IN (:ids) AND sent_at IS NOT NULL""")
                .param("ids", caseIds).query(Long.class).single() == refunds);
        Timestamp noon = Timestamp.from(day.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        jdbc.sql("UPDATE return_case SET created_at = :t WHERE case_id IN (:ids)")
                .param("t", noon).param("ids", caseIds).update();
        jdbc.sql("""
                        UPDATE intercept_request SET created_at = :t, answered_at = :t
                        WHERE case_id IN (:ids) AND outcome IS NOT NULL""")
                .param("t", noon).param("ids", caseIds).update();
        jdbc.sql("UPDATE refund_instruction SET created_at = :t, sent_at = :t WHERE case_id IN (:ids)")
                .param("t", noon).param("ids", caseIds).update();
    }

    /** Each row of a table as its cells' texts joined by single spaces. */
    private static List<String> rows(String tableId) {
        return browser.findElement(By.id(tableId)).findElements(By.tagName("tr")).stream()
                .map(row -> String.join(" ", row.findElements(By.cssSelector("th, td")).stream()
                        .map(WebElement::getText).toList()))
                .toList();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void logIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/console/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
    }

    private static String url(String path) {
        return "http://localhost:" + PORT + path;
    }
}
