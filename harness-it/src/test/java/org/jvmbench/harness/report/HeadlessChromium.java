package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jvmbench.harness.prerequisite.Prerequisite;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium driven by its chromedriver, both from {@code /usr/bin}, so Selenium
 * Manager never looks for (or downloads) a browser. The flags keep an offline machine quiet:
 * without them Chromium retries its update and sync services without end.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final List<LogRecord> managerCalls = new ArrayList<>();
    private final Logger managerLogger = Logger.getLogger("org.openqa.selenium.manager.SeleniumManager");
    private final Handler managerHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            managerCalls.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /**
     * Skips the calling test when the browser is not installed, or fails it under CI: a CI run
     * that silently skipped the browser test would prove nothing.
     */
    static HeadlessChromium startOrSkip() throws IOException {
        Prerequisite.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no " + CHROMIUM + " / " + CHROMEDRIVER + " for the browser test: apt-get install -y chromium chromium-driver");
        return new HeadlessChromium();
    }

    private HeadlessChromium() throws IOException {
        managerLogger.setLevel(Level.ALL);
        managerLogger.addHandler(managerHandler);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("report-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1440,1000",
                "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    /** Opens a file from disk and waits, with a deadline, until every chart the page made has drawn. */
    void open(Path file) {
        consoleErrors(); // start each page with an empty console
        driver.get(file.toAbsolutePath().toUri().toString());
        waitFor("every chart drawn", "return document.readyState === 'complete' && window.__chartsExpected !== undefined"
                + " && window.__chartsDrawn === window.__chartsExpected");
    }

    void waitFor(String what, String condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!Boolean.TRUE.equals(js(condition))) {
            if (Instant.now().isAfter(deadline)) {
                fail("page never reached: " + what + "; console: " + consoleErrors());
            }
            Thread.onSpinWait();
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Picks an option of a {@code <select>} as a user would: the value, then a change event. */
    void choose(String selectCss, String value) {
        Object found = js("""
                const s = document.querySelector(arguments[0]);
                if (!s || ![...s.options].some(o => o.value === arguments[1])) return false;
                s.value = arguments[1];
                s.dispatchEvent(new Event('change'));
                return true;""", selectCss, value);
        assertThat(found).as("option %s of %s", value, selectCss).isEqualTo(true);
    }

    long number(String script) {
        return ((Number) js(script)).longValue();
    }

    ChromeDriver driver() {
        return driver;
    }

    /** SEVERE entries of the browser console since the last call. */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /** How many canvases have at least one painted pixel. */
    long paintedCanvases() {
        return number("""
                let painted = 0;
                for (const c of document.querySelectorAll('canvas')) {
                  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) { painted++; break; } }
                }
                return painted;""");
    }

    /** A screenshot of the whole page, kept under target/report-screenshots. */
    Path screenshot(String name) throws IOException {
        long height = number("return Math.ceil(document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(1440, (int) Math.min(height + 120, 20_000)));
        waitFor("resized charts drawn", "return window.__chartsDrawn === window.__chartsExpected");
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name);
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1440, 1000));
        return file;
    }

    /** Selenium Manager logs whenever it runs; with the driver given it must never run. */
    void assertSeleniumManagerUnused() {
        assertThat(managerCalls).as("Selenium Manager calls").extracting(LogRecord::getMessage).isEmpty();
        assertThat(Path.of(System.getProperty("user.home"), ".cache", "selenium"))
                .as("Selenium Manager's download cache").doesNotExist();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            managerLogger.removeHandler(managerHandler);
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

}
