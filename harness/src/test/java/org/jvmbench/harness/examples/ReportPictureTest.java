package org.jvmbench.harness.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.config.ProjectHome;

/**
 * The README's picture of a report is the page as committed: docs/report-picture.sh records
 * which example's page it shows and that page's SHA-256 in docs/report.png.source; when the page
 * changes (a new report, a re-rendered example) the picture is stale and this fails until the
 * script is run again.
 */
class ReportPictureTest {

    private static final Path ROOT = ProjectHome.locate().root();

    @Test
    void theReadmesPictureShowsTheCommittedPageItNames() throws IOException, NoSuchAlgorithmException {
        String[] source = Files.readString(ROOT.resolve("docs/report.png.source"), StandardCharsets.UTF_8).strip().split(" ");
        assertThat(source).as("docs/report.png.source: the page and its SHA-256").hasSize(2);
        Path page = ROOT.resolve(source[0]);
        assertThat(page).as("the page the picture shows").isRegularFile();
        assertThat(Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8))
                .as("the README names the example it pictures").contains(source[0]).contains("docs/report.png");
        assertThat(ROOT.resolve("docs/report.png")).isNotEmptyFile();
        String now = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(page)));
        assertThat(now).as("%s changed since docs/report.png was made: run docs/report-picture.sh", source[0])
                .isEqualTo(source[1]);
    }
}
