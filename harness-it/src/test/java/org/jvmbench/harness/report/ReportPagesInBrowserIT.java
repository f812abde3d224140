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
@SuppressWarnings("unchecked")
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
        // the first answer's chart; per endpoint: RPS by threads, workers, processes; latency; RSS
        // by threads, processes; efficiency = 7, twice; time to peak (no warm-up seconds kept: a
        // note instead of their chart); three for the run over time
        assertThat(expected).isEqualTo(19);
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
        WebElement cell = flagged.findElement(By.cssSelector("td.flag"));
        assertThat(cell.getText()).contains("[1]", "INJECTOR_SATURATED");
        assertThat(cell.getAttribute("title")).as("what the flag means, then the numbers that raised it")
                .startsWith("INJECTOR_SATURATED: the load generator was at 90 % or more of its CPUs")
                .contains("\n  repetition 2: injector used 0.95 of its 1 CPU");
        assertThat(flagged.getAttribute("title")).isEqualTo(cell.getAttribute("title"));

        WebElement footnotes = browser.driver().findElement(By.cssSelector("#endpoint-0 details.footnotes"));
        assertThat(footnotes.getAttribute("open")).as("folded beside the table").isNull();
        assertThat(footnotes.getText()).isEqualTo("⚑ Why one row is flagged");
        footnotes.findElement(By.tagName("summary")).click();
        assertThat(footnotes.getText()).contains("[1]", "repetition 2: INJECTOR_SATURATED: injector used 0.95 of its 1 CPU");
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
                .contains("+11 %", "significant, p = 0.0079", "may be noise, p = ", "not enough repetitions: 5 vs 1",
                        "⚑ ERRORS", "flagged: not judged");
        assertThat(browser.driver().findElements(By.cssSelector("#endpoint-0 .change.unjudged"))).isNotEmpty();
        assertThat(browser.driver().findElement(By.id("partial")).getText())
                .contains("servlet w2 t16 c64", "servlet w2 t32 c64", "reactive w4 c64");
        assertThat(browser.screenshot("compare.png")).isNotEmptyFile();
        browser.assertSeleniumManagerUnused();
    }

    @Test
    void everyCommittedExampleOpensOnItsQuestionAndAnswerAt1280By800() throws IOException {
        Path examples = org.jvmbench.harness.config.ProjectHome.locate().reports().resolve("examples");
        List<Path> pages;
        try (var dirs = Files.list(examples)) {
            pages = dirs.map(d -> d.resolve("index.html")).filter(Files::isRegularFile).sorted().toList();
        }
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        try {
            for (Path page : pages) {
                browser.open(page);
                assertThat(browser.js("""
                        const q = document.getElementById("question");
                        return q !== null && q.getBoundingClientRect().bottom <= window.innerHeight;"""))
                        .as("%s: the sweep's question on the first screen", page).isEqualTo(true);
                assertThat(browser.js("""
                        const a = document.querySelector("#answer p");
                        return a !== null && a.getBoundingClientRect().top < window.innerHeight
                          && a.textContent.startsWith("For ");"""))
                        .as("%s: the first answer begins on the first screen", page).isEqualTo(true);
                assertThat(browser.js("""
                        const c = document.querySelector("#answer-chart canvas");
                        if (c === null) return "no chart";
                        const r = c.getBoundingClientRect();
                        const chart = Chart.getChart(c);
                        return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0 && chart.data.datasets[0].data.length > 0
                          ? "whole" : "top " + r.top + ", bottom " + r.bottom + " of " + window.innerHeight + ", bars " + chart.data.datasets[0].data.length;"""))
                        .as("%s: the first chart, of the first answer's configurations, whole on the first screen", page)
                        .isEqualTo("whole");
            }
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
        }
    }

    @Test
    void chartsDrawTheRunsRangeAsWhiskersWhereThereAreRepeatsAndNoneWithOneRunEach() throws IOException {
        Path examples = org.jvmbench.harness.config.ProjectHome.locate().reports().resolve("examples");

        browser.open(examples.resolve("steady").resolve("index.html"));
        assertThat(browser.number("return window.__whiskersDrawn")).as("steady: five runs a point").isPositive();
        assertThat(browser.js("""
                const c = Chart.getChart(document.querySelector("#answer-chart canvas"));
                const d = c.data.datasets[0];
                return d.whiskers.every((w, i) => w !== null && w[0] <= d.data[i] && d.data[i] <= w[1]);"""))
                .as("steady: every bar of the answer's chart has its runs' range around its median").isEqualTo(true);
        assertThat(browser.js("""
                return Object.values(Chart.instances).filter(c => c.canvas.closest("[id^='endpoint-']"))
                  .every(c => c.data.datasets.filter(d => !d.injectorCeiling && !d.label.startsWith("ceiling · "))
                    .every(d => Array.isArray(d.whiskers)));"""))
                .as("steady: every line and bar of the endpoints' charts carries whiskers").isEqualTo(true);

        browser.open(examples.resolve("quick-four").resolve("index.html"));
        assertThat(browser.number("return window.__whiskersDrawn")).as("quick-four: one run each").isZero();
        assertThat(browser.driver().findElement(By.cssSelector("#answer-chart p")).getText())
                .startsWith("one repetition each: no range to draw, so no difference here is tested");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void explanationsFoldAwayUnderOneHowToReadSection(@TempDir Path tmp) throws IOException {
        Path dir = GoldenFile.copyOf(FixtureSweeps.THREADS_IO, tmp.resolve("threads-io"));
        Reports.render(dir);
        browser.open(dir.resolve("index.html"));

        WebElement how = browser.driver().findElement(By.cssSelector("#how-to-read details"));
        assertThat(how.getAttribute("open")).as("folded").isNull();
        assertThat(browser.js("""
                return document.querySelector("header").nextElementSibling.id;""")).as("right under the header")
                .isEqualTo("how-to-read");
        String visible = browser.driver().findElement(By.tagName("body")).getText();
        assertThat(visible).contains("How to read this page")
                .doesNotContain("CV across repetitions: the sample standard deviation", "INJECTOR_BOUND the point reached",
                        "the point reached 80 % or more");
        how.findElement(By.tagName("summary")).click();
        assertThat(how.getText()).contains("The answer", "The tables' columns", "CV across repetitions: the sample standard deviation",
                "Charts", "a whisker over their range", "Ceiling", "Start and warm-up", "The machine", "Flags",
                "INJECTOR_BOUND", "the point reached 80 % or more", "PARKED_BUSY");
        assertThat(browser.driver().findElement(By.tagName("footer")).getText()).doesNotContain("INJECTOR_BOUND");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void sweepsOverTwoThreadAxesShowTheirPivotsAndTheOthersNone() throws IOException {
        Path examples = org.jvmbench.harness.config.ProjectHome.locate().reports().resolve("examples");
        for (String twoAxes : List.of("workers-vs-threads", "threads-vs-processes")) {
            browser.open(examples.resolve(twoAxes).resolve("index.html"));
            assertThat(browser.number("return document.querySelectorAll('#pivots table.pivot').length"))
                    .as("%s: a pivot", twoAxes).isPositive();
            String rps = (String) browser.js("return document.querySelector('#pivots table.pivot tbody').textContent;");
            browser.js("document.querySelector('#pivots button[data-metric=\\'p99\\']').click(); return null;");
            String p99 = (String) browser.js("return document.querySelector('#pivots table.pivot tbody').textContent;");
            assertThat(p99).as("%s: p99 one click away", twoAxes).isNotEqualTo(rps);
            assertThat(browser.consoleErrors()).isEmpty();
        }
        browser.open(examples.resolve("quick-four").resolve("index.html"));
        assertThat(browser.number("return document.querySelectorAll('#pivots').length")).as("one thread axis: no pivot").isZero();
    }

    @Test
    void pageOpensOnTheHeadlineAndTablesWithWhatWasRunFoldedAwayBelowThem(@TempDir Path tmp) throws IOException {
        Path dir = GoldenFile.copyOf(FixtureSweeps.THREADS_IO, tmp.resolve("threads-io"));
        Reports.render(dir);

        browser.open(dir.resolve("index.html"));

        assertThat(browser.js("""
                const order = ["headline", "endpoint-0", "start", "machine", "runs", "run-setup"]
                  .map(id => document.getElementById(id));
                return order.every((e, i) => i === 0 || (order[i - 1].compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING));"""))
                .as("headline, tables, start, machine, runs, then what was run").isEqualTo(true);
        WebElement setup = browser.driver().findElement(By.cssSelector("#run-setup details"));
        assertThat(setup.getAttribute("open")).as("folded").isNull();
        assertThat(browser.driver().findElement(By.cssSelector("#run-setup dl")).isDisplayed()).isFalse();
        assertThat(browser.driver().findElements(By.id("one-run"))).as("three runs a point: no one-run notice").isEmpty();
        WebElement row = browser.driver().findElement(By.id("row-servlet-p1-w2-t16-hello-c128"));
        assertThat(row.getText()).contains("CV 0.5 %", "trend +0.9 %", "JIT 39 ms");
        assertThat(browser.driver().findElement(By.cssSelector("#endpoint-0 .memory")).getText())
                .contains("PSS is the footprint", "Heap after GC is the live data");
    }

    @Test
    void quickPageSaysEachPointRanOnceAndShowsSettleStabilityAndTheNewFlagsInTheRows(@TempDir Path tmp) throws IOException {
        Path dir = GoldenFile.copyOf(FixtureSweeps.QUICK, tmp.resolve("quick"));
        Reports.render(dir);

        browser.open(dir.resolve("index.html"));

        // the first answer's chart; per endpoint: RPS by threads and by workers, latency, RSS by
        // threads, efficiency = 5, twice; time to peak and throughput since start; three for the run over time
        assertThat(browser.number("return window.__chartsExpected")).isEqualTo(16);
        assertThat(browser.paintedCanvases()).isEqualTo(16);
        assertThat(browser.driver().findElement(By.id("one-run")).getText())
                .contains("Each point ran once", "is not known");
        WebElement drifting = browser.driver().findElement(By.id("row-servlet-p1-w1-t64-json-c64"));
        assertThat(drifting.getAttribute("class")).contains("flagged");
        assertThat(drifting.findElement(By.cssSelector("td.warmup")).getText()).contains("240 s", "not settled");
        assertThat(drifting.findElement(By.cssSelector("td.stability")).getText()).contains("trend +10 %", "JIT 2,400 ms");
        assertThat(drifting.findElement(By.cssSelector("td.flag")).getText()).contains("NOT_STEADY", "UNSTEADY", "PROFILED");
        assertThat(browser.driver().findElement(By.id("row-servlet-p1-w1-t8-io_ms_10-c64")).getText())
                .contains("STALLED", "FATAL_LOG", "2 s stalled");
        assertThat(browser.driver().findElement(By.id("row-reactive-p1-w1-tdef-json-c64")).getText())
                .contains("INJECTOR_BOUND", "82 % of injector");
        assertThat(browser.js("""
                return Object.values(Chart.instances).some(c => c.canvas.closest('#endpoint-0')
                  && c.data.datasets.some(d => d.label === 'injector ceiling' && d.borderDash && d.data.every(v => v === 27500)));"""))
                .as("the /json RPS chart draws the injector's ceiling as a dashed line").isEqualTo(true);
        assertThat(browser.driver().findElement(By.id("machine")).getText())
                .contains("41,310 ops/s", "39,870 ops/s", "−3.5 %", "server's CPUs (0)", "injector's CPUs (1)");
        assertThat(browser.driver().findElement(By.id("start")).getText())
                .contains("servlet platform w1 t64", "no: cap reached", "Time to peak");
        assertThat((List<Object>) browser.js("""
                const c = Object.values(Chart.instances).find(c => c.canvas.closest('#start') && c.config.type === 'line');
                return c.data.datasets.map(d => d.label);"""))
                .containsExactly("servlet platform w1 t8", "servlet platform w1 t64", "reactive event-loop w1",
                        "reactive event-loop w2");
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.screenshot("quick.png")).isNotEmptyFile();
    }

    @Test
    void flameGraphsAreLinkedFromTheRowAndTheRunAndOpenOffline(@TempDir Path tmp) throws IOException {
        Path dir = GoldenFile.copyOf(FixtureSweeps.QUICK, tmp.resolve("quick"));
        Reports.render(dir);
        browser.open(dir.resolve("index.html"));

        WebElement fromRow = browser.driver().findElement(By.cssSelector("#row-reactive-p1-w2-tdef-io_ms_10-c64 a.flame"));
        Path target = Path.of(java.net.URI.create(fromRow.getAttribute("href")));
        assertThat(target).isEqualTo(dir.resolve("points/reactive-p1-w2-tdef-io_ms_10-c64-r1/flame-graph.html").toAbsolutePath())
                .exists();
        browser.choose("#runs select", "reactive-p1-w2-tdef-io_ms_10-c64-r1");
        WebElement fromRun = browser.driver().findElement(By.cssSelector("#runs .links a.flame"));
        assertThat(fromRun.getAttribute("href")).isEqualTo(fromRow.getAttribute("href"));
        assertThat(browser.driver().findElement(By.cssSelector("#runs .evidence")).getText())
                .contains("JIT in the window", "GC in the window", "Steal, server's / injector's CPUs", "0.08");

        fromRun.click();
        browser.waitFor("the flame graph page", "return document.readyState === 'complete' && document.title.startsWith('Flame graph')");
        assertThat(browser.driver().findElement(By.tagName("p")).getText())
                .isEqualTo("flame graph of reactive-p1-w2-tdef-io_ms_10-c64-r1");
        browser.driver().navigate().back();
        browser.waitFor("the report again", "return document.readyState === 'complete' && !!document.getElementById('runs')");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void openLoadPageDrawsLatencyAgainstRateTheClosedGapAndCapacityAtSlo(@TempDir Path tmp) throws IOException {
        Path dir = GoldenFile.copyOf(FixtureSweeps.SLO, tmp.resolve("slo"));
        Reports.render(dir);

        browser.open(dir.resolve("index.html"));

        // the first answer's chart; closed /io: RPS by threads, latency, RSS, efficiency = 4; open:
        // rate and gap = 2; time to peak = 1; three for the run over time
        assertThat(browser.number("return window.__chartsExpected")).isEqualTo(11);
        assertThat(browser.paintedCanvases()).isEqualTo(11);
        assertThat((List<Object>) browser.js("""
                const c = Object.values(Chart.instances).find(c => c.canvas.closest('#open-0'));
                return [c.options.scales.y.type, c.data.datasets.length];"""))
                .containsExactly("logarithmic", 5L);
        assertThat(browser.driver().findElements(By.cssSelector("#capacity-0 tbody tr"))).hasSize(4)
                .first().extracting(WebElement::getText).asString().startsWith("servlet platform w1 t64 met up to 3,102");
        assertThat(browser.driver().findElement(By.cssSelector("#open-0 table.gap")).getText())
                .contains("servlet platform w1 t8 c64 777 177 100 % cap ×256");
        assertThat(browser.driver().findElement(By.id("row-reactive-p1-w1-tdef-io_ms_10-cap90-c256")).getText())
                .contains("INJECTOR_LATE", "1.72 %");
        browser.choose("#open-0 .controls select", "max");
        browser.choose("#runs select", "servlet-p1-w1-t8-io_ms_10-cap100-c256-r2");
        assertThat(browser.driver().findElement(By.cssSelector("#runs .evidence")).getText())
                .contains("Offered", "Queued for a connection", "p99 from intended send");
        assertThat(browser.paintedCanvases()).isEqualTo(11);
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.screenshot("slo.png")).isNotEmptyFile();
    }
}
