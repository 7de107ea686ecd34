package org.lightlyjava.server.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by chromedriver, both Debian's ({@code /usr/bin/chromium}, {@code
 * /usr/bin/chromedriver}; {@code -Dlightly.test.chromium=} and {@code -Dlightly.test.chromedriver=}
 * name others). Selenium Manager never runs: both paths are given. Tests using it are skipped when
 * either is missing. Screenshots go to {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(50));
    }

    /** Starts the browser; skips the calling test when Chromium or chromedriver is missing. */
    static Browser start() {
        Path chromium = Path.of(System.getProperty("lightly.test.chromium", "/usr/bin/chromium"));
        Path chromedriver =
                Path.of(System.getProperty("lightly.test.chromedriver", "/usr/bin/chromedriver"));
        assumeTrue(Files.isExecutable(chromium), "no Chromium at " + chromium);
        assumeTrue(Files.isExecutable(chromedriver), "no chromedriver at " + chromedriver);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--disable-extensions",
                "--no-first-run",
                "--window-size=1280,1000");
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(chromedriver.toString()))
                        .usingAnyFreePort()
                        .build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(
                shot.toPath(),
                SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits (up to 15 s) until an element matching {@code css} is visible. */
    WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Opens the page at {@code base}, signs in with {@code token} and waits for the datasets. */
    void signIn(String base, String token) {
        driver.get(base + "/");
        waitFor("#token").sendKeys(token);
        driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
        waitFor("#datasets");
    }

    /** Runs JavaScript in the page. */
    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
