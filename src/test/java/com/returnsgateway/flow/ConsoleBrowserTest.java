package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.testsupport.Browser;
import com.returnsgateway.testsupport.Http;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations console in a real headless Chromium, as an operator uses it: log in, find a case, read it, act on
 * it, fix the quarantine, switch the language. Pages are what is asserted: texts, badges, links, pictures.
 */
class ConsoleBrowserTest extends SandboxGatewayTest {

    private static WebDriver browser;
    private WebDriverWait wait;

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

    @BeforeEach
    void freshSession() {
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.manage().deleteAllCookies();
    }

    @AfterEach
    void logOut() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void anOperatorFindsACaseByOrderIdAndSeesItsTimelineLabelAndEmails() {
        ObjectNode request = returnAwaitingTheBuyersParcel("120.00");
        String caseId = caseIdOf(request);

        logIn("operator", "operator-sandbox");
        browser.findElement(By.linkText("案件")).click();
        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys(request.get("orderId").asString());
        browser.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.textToBe(By.id("total"), "共 1 个案件"));
        Browser.screenshot(browser, "cases");
        browser.findElement(By.linkText(caseId)).click();

        wait.until(ExpectedConditions.titleContains(caseId));
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("等待退货");
        assertThat(browser.findElement(By.id("order-id")).getText()).isEqualTo(request.get("orderId").asString());
        assertThat(browser.findElement(By.id("decision")).getText()).contains("等待退货");
        String timeline = browser.findElement(By.id("timeline")).getText();
        assertThat(timeline).contains("Return request " + request.get("returnId").asString() + " for order")
                .contains("sent to the buyer with");
        // the label as a picture that loaded, and as a download
        WebElement preview = browser.findElement(By.id("label-preview"));
        wait.until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 300", preview));
        assertThat(browser.findElement(By.id("label-download")).getAttribute("href")).endsWith("/label.pdf");
        Browser.screenshot(browser, "case");
        // the email as the buyer saw it, in a sandboxed frame
        WebElement email = browser.findElement(By.cssSelector("#emails details"));
        email.findElement(By.tagName("summary")).click();
        WebElement frame = email.findElement(By.tagName("iframe"));
        assertThat(frame.getAttribute("sandbox")).isNotNull();
        browser.switchTo().frame(frame);
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(request.get("returnId").asString()));
        browser.switchTo().defaultContent();
    }

    @Test
    void anOperatorRetriesAManualReviewCaseAndSeesItMoveOn() {
        ObjectNode request = returnInManualReview();
        String caseId = caseIdOf(request);
        // meanwhile the forwarder learnt that the parcel was delivered
        parcel("generic-express", request.get("shipment").get("waybill").asString(), "Delivered", true);

        logIn("operator", "operator-sandbox");
        // from the home page's manual-review count to the list of those cases, newest first
        browser.findElement(By.id("count-review")).click();
        wait.until(ExpectedConditions.urlContains("status=MANUAL_REVIEW"));
        browser.findElement(By.linkText(caseId)).click();
        wait.until(ExpectedConditions.titleContains(caseId));
        browser.findElement(By.id("action-retry")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-retry"))).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(browser.findElement(By.id("done")).getText()).contains("MANUAL_REVIEW").contains("RECEIVED");
        wait.until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("case-status")).getAttribute("title").equals("AWAITING_RETURN");
        });
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("console:operator");
        assertThat(api.get("/api/cases/" + caseId).json().get("status").asString()).isEqualTo("AWAITING_RETURN");
    }

    @Test
    void aViewerSeesCasesButNoActions() {
        String caseId = caseIdOf(returnInManualReview());

        logIn("viewer", "viewer-sandbox");
        browser.get(url("/console/cases/" + caseId));
        assertThat(browser.findElement(By.id("case-status")).getAttribute("title")).isEqualTo("MANUAL_REVIEW");
        assertThat(browser.findElements(By.id("actions"))).isEmpty();
        // and a POST by hand is refused: only operators change cases
        var reply = sandbox.as("viewer", "viewer-sandbox").post("/console/cases/" + caseId + "/retry", "");
        assertThat(reply.status()).isIn(302, 401, 403);
        assertThat(api.get("/api/cases/" + caseId).json().get("status").asString()).isEqualTo("MANUAL_REVIEW");
    }

    @Test
    void anOperatorFixesAQuarantinedReturnAndResubmitsIt() {
        ObjectNode bad = returnObject("sandbox-eu", "EUR", "30.00", null);
        bad.put("items", "one mug");
        var reply = sandbox.post("/sandbox/marketplace/returns", Http.JSON.createArrayNode().add(bad));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        long entry = quarantineEntryOf(bad.get("returnId").asString());

        logIn("operator", "operator-sandbox");
        browser.get(url("/console/quarantine/" + entry));
        assertThat(browser.findElement(By.id("entry-reason")).getText()).contains("items:");
        ObjectNode fixed = bad.deepCopy();
        fixed.set("items", returnObject("sandbox-eu", "EUR", "30.00", null).get("items"));
        WebElement payload = browser.findElement(By.id("payload"));
        payload.clear();
        payload.sendKeys(fixed.toString());
        browser.findElement(By.id("action-resubmit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-resubmit"))).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(browser.findElement(By.id("done")).getText()).startsWith("已重新提交");
        String caseId = browser.findElement(By.id("entry-case")).getText();
        JsonNode detail = api.get("/api/cases/" + caseId).json();
        assertThat(detail.get("returnId").asString()).isEqualTo(bad.get("returnId").asString());
        assertThat(api.get("/api/quarantine/" + entry).json().get("resolution").get("how").asString())
                .isEqualTo("RESUBMITTED");
    }

    @Test
    void theConsoleSpeaksChineseFirstAndEnglishOnRequest() {
        browser.get(url("/console/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
        logIn("sandbox", "sandbox");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("待人工处理");
        Browser.screenshot(browser, "home-zh");

        browser.findElement(By.linkText("English")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Needs a person now"));
        browser.findElement(By.linkText("Cases")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cases");
        Browser.screenshot(browser, "cases-en");

        browser.findElement(By.linkText("中文")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "案件"));
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        browser.get(url("/console/login"));
        browser.findElement(By.id("username")).sendKeys("operator");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(browser.findElement(By.id("login-error")).getText()).isEqualTo("用户名或密码错误。");
        browser.get(url("/console/cases"));
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
    }

    private void logIn(String user, String password) {
        browser.get(url("/console/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
    }

    private static String url(String path) {
        return "http://localhost:" + PORT + path;
    }
}
