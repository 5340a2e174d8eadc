package com.returnsgateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for the console's tests: Debian's {@code chromium} and {@code chromium-driver}. Where they
 * are missing the test is reported as skipped (aborted) with the command that installs them, never passed silently.
 * Selenium Manager cannot download a browser or driver here: both are given by path.
 */
public final class Browser {

    public static final String INSTALL = "apt-get install -y chromium chromium-driver";
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browser() {
    }

    /** A fresh headless browser (its own profile: no cookies), or the test is skipped saying what to install. */
    public static WebDriver start() {
        String browser = firstExisting(BROWSERS);
        String driver = firstExisting(DRIVERS);
        Assumptions.assumeTrue(browser != null && driver != null, "The console's browser tests need Chromium and its "
                + "driver (looked for " + BROWSERS + " and " + DRIVERS + "): " + INSTALL);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=zh-CN", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driver).toFile()).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    /** Saves what the browser shows now under target/console-screenshots (for people to look at, and the README). */
    public static Path screenshot(WebDriver driver, String name) {
        Dimension window = driver.manage().window().getSize();
        try {
            // the whole page, not the part in view: the window as tall as the page (up to a limit)
            long height = (Long) ((JavascriptExecutor) driver).executeScript(
                    "window.scrollTo(0, 0); return document.documentElement.scrollHeight;");
            driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(3200, height + 140)));
            Path file = Path.of("target/console-screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(window);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstExisting(List<String> paths) {
        return paths.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
    }
}
