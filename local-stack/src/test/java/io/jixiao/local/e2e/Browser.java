package io.jixiao.local.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (never a downloaded driver: Selenium Manager is not
 * asked), with the flags a root CI without a display needs and a fresh profile per browser.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    static Browser start() throws IOException {
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")), "chromium-")
                .toAbsolutePath();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=zh-CN", "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    void open(String url) {
        driver.get(url);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /**
     * Waits until the page marked its content drawn ({@code main[data-ready]}), its charts painted and, on a
     * district page, its findings in place.
     */
    void awaitReady() {
        try {
            awaitReadyFor(Duration.ofSeconds(30));
        } catch (org.openqa.selenium.TimeoutException e) {
            // say what the page shows (an error the workbench drew, the sign-in page) instead of only "timed out"
            Object shown = script("const m = document.getElementById('main');"
                    + " return location.href + ' | ' + (m ? m.innerText : document.body.innerText).slice(0, 600);");
            throw new AssertionError("page not ready within 30 s: " + shown, e);
        }
    }

    private void awaitReadyFor(Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> {
            Object ready = ((JavascriptExecutor) d).executeScript(
                    "const m = document.getElementById('main'); if (!m || !m.dataset.ready) return false;"
                            + "if (document.getElementById('findings-section')) return false;"
                            + "return [...document.querySelectorAll('.chart')].every(c => c.dataset.drawn === 'true');");
            return Boolean.TRUE.equals(ready);
        });
    }

    String ready() {
        return String.valueOf(script("return document.getElementById('main').dataset.ready || ''"));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The console's errors since the last call (the browser hands each entry out once). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** The whole page as a PNG (the window grown to the page's height, at most 4000 px). */
    Path screenshot(Path file) throws IOException {
        long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1400, (int) Math.min(Math.max(height, 800), 4000)));
        script("window.dispatchEvent(new Event('resize'))");
        try {
            Thread.sleep(500);  // the charts redraw for the new size
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1400, 1000));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
