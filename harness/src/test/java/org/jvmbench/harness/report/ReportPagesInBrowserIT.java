package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The reports opened the way a person opens them: {@code index.html} and {@code compare.html}
 * from disk in a real browser, with no network. Every chart must draw and the console must
 * stay free of errors. One browser serves all tests: starting Chromium is the slow part.
 */
class ReportPagesInBrowserIT {

    private static HeadlessChromium browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.startOrSkip();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void indexPageOpensFromDiskAndDrawsEveryChartWithoutConsoleErrors(@TempDir Path tmp) throws IOException {
        Path dir = GoldenFile.copyOf(FixtureSweeps.THREADS_IO, tmp.resolve("threads-io"));
        Reports.render(dir);

        browser.open(dir.resolve("index.html"));

        long expected = browser.number("return window.__chartsExpected");
        // per endpoint: RPS by threads, workers, processes; latency; RSS by threads, processes;
        // efficiency = 7, twice; plus three for the run over time
        assertThat(expected).isEqualTo(17);
        assertThat(browser.number("return window.__chartsDrawn")).isEqualTo(expected);
        assertThat(browser.number("return document.querySelectorAll('canvas').length")).isEqualTo(expected);
        assertThat(browser.paintedCanvases()).as("canvases with pixels").isEqualTo(expected);
        assertThat(browser.consoleErrors()).isEmpty();
        Path screenshot = browser.screenshot("index.png");
        assertThat(screenshot).isNotEmptyFile();
        browser.assertSeleniumManagerUnused();
    }

    @Test
    void everyCommittedExampleReportOpensAndDrawsWithoutConsoleErrors() throws IOException {
        Path examples = org.jvmbench.harness.config.ProjectHome.locate().reports().resolve("examples");
        List<Path> pages;
        try (var dirs = Files.list(examples)) {
            pages = dirs.map(d -> d.resolve("index.html")).filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(pages).isNotEmpty();
        for (Path page : pages) {
            browser.open(page);
            long expected = browser.number("return window.__chartsExpected");
            assertThat(expected).as(page.toString()).isPositive();
            assertThat(browser.number("return window.__chartsDrawn")).as(page.toString()).isEqualTo(expected);
            assertThat(browser.consoleErrors()).as(page.toString()).isEmpty();
        }
    }

    @Test
    void flaggedRowsShowTheirReasonOnHoverAndBesideThem(@TempDir Path tmp) throws IOException {
        Path dir = GoldenFile.copyOf(FixtureSweeps.THREADS_IO, tmp.resolve("threads-io"));
        Reports.render(dir);

        browser.open(dir.resolve("index.html"));

        WebElement flagged = browser.driver().findElement(By.id("row-reactive-p1-w2-tdef-hello-c128"));
        assertThat(flagged.getAttribute("class")).contains("flagged");
        assertThat(flagged.getAttribute("title")).contains("INJECTOR_SATURATED: injector used 0.95 of its 1 CPU");
        assertThat(flagged.findElement(By.cssSelector("td.flag")).getText()).contains("[1]", "INJECTOR_SATURATED");
        assertThat(browser.driver().findElement(By.cssSelector("#endpoint-0 .footnotes")).getText())
                .contains("[1]", "run 2: INJECTOR_SATURATED: injector used 0.95 of its 1 CPU");
    }

    @Test
    void choosingAnotherRunOrLoadRedrawsWithoutErrorsAndLinksTheRunsFiles(@TempDir Path tmp) throws IOException {
        Path dir = GoldenFile.copyOf(FixtureSweeps.THREADS_IO, tmp.resolve("threads-io"));
        Reports.render(dir);
        browser.open(dir.resolve("index.html"));

        browser.driver().findElement(By.cssSelector("#row-servlet-p1-w2-t16-io_ms_10-c128 a")).click();
        browser.choose("#runs select", "servlet-p1-w2-t16-io_ms_10-c128-r3");
        browser.choose("#endpoint-1 .controls select", "16");

        assertThat(browser.driver().findElement(By.cssSelector("#runs .flags")).getText())
                .contains("NOISY_NEIGHBOUR");
        WebElement gatling = browser.driver().findElement(By.linkText("Gatling report"));
        Path target = Path.of(java.net.URI.create(gatling.getAttribute("href")));
        assertThat(target).isEqualTo(dir.resolve("points/servlet-p1-w2-t16-io_ms_10-c128-r3/gatling/index.html")
                .toAbsolutePath());
        assertThat(Files.exists(target)).isTrue();
        assertThat(browser.paintedCanvases()).isEqualTo(browser.number("return window.__chartsExpected"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void sweepWithNoPointYetOpensWithoutErrors(@TempDir Path tmp) throws IOException {
        Path dir = SweepFixture.named("just-started", 1).writeTo(tmp.resolve("just-started"));
        Reports.render(dir);

        browser.open(dir.resolve("index.html"));

        assertThat(browser.number("return window.__chartsExpected")).isZero();
        assertThat(browser.driver().findElement(By.cssSelector(".empty")).getText()).contains("No point has completed yet");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void interruptedSweepShowsItsWarningsAndMarksRunFilesThatAreMissing(@TempDir Path tmp) throws IOException {
        Path dir = GoldenFile.copyOf(FixtureSweeps.INTERRUPTED, tmp.resolve("interrupted"));
        Reports.render(dir);

        browser.open(dir.resolve("index.html"));

        assertThat(browser.driver().findElement(By.cssSelector(".warnings")).getText())
                .contains("line 4 is incomplete", "no environment.json");
        assertThat(browser.driver().findElements(By.cssSelector("#runs .links .missing"))).hasSize(3);
        assertThat(browser.driver().findElements(By.cssSelector("#runs .links a"))).isEmpty();
        assertThat(browser.paintedCanvases()).isEqualTo(browser.number("return window.__chartsExpected"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void comparePageOpensFromDiskAndDrawsEveryChartWithoutConsoleErrors(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("before-vs-after");
        Comparison.write(List.of(FixtureSweeps.BEFORE, FixtureSweeps.AFTER, FixtureSweeps.VIRTUAL), out,
                Comparison.Options.defaults().ignoring(List.of("virtualThreads")));

        browser.open(out.resolve("compare.html"));

        long expected = browser.number("return window.__chartsExpected");
        assertThat(expected).as("RPS and p99 per endpoint").isEqualTo(4);
        assertThat(browser.paintedCanvases()).isEqualTo(expected);
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector("#endpoint-0 tbody")).getText())
                .contains("+11 %", "beyond spread", "within spread", "single run");
        assertThat(browser.driver().findElement(By.id("partial")).getText())
                .contains("servlet w2 t16 c64", "reactive w4 c64");
        assertThat(browser.screenshot("compare.png")).isNotEmptyFile();
        browser.assertSeleniumManagerUnused();
    }
}
