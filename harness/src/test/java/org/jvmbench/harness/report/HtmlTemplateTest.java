package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTemplateTest {

    private static final String DATA_OPEN = "<script type=\"application/json\" id=\"report-data\">";

    @Test
    void dataThatLooksLikeMarkupOrPlaceholdersStaysInsideItsJsonBlock() throws Exception {
        Map<String, Object> data = Map.of("title", "</script><script>alert(1)</script> <!-- {{CHART_JS}} {{DATA}}");

        String page = HtmlTemplate.render("index.html", "a <b> title", data);

        int start = page.indexOf(DATA_OPEN) + DATA_OPEN.length();
        String block = page.substring(start, page.indexOf("</script>", start));
        JsonNode parsed = ReportJson.MAPPER.readTree(block);
        assertThat(parsed.get("title").asText()).isEqualTo(data.get("title"));
        assertThat(page).contains("<title>a &lt;b&gt; title</title>").doesNotContain("alert(1)</script>");
    }

    @Test
    void chartJsComesInlinedFromTheWebJarWithoutItsSourceMapReference() {
        String page = HtmlTemplate.render("index.html", "t", Map.of());

        assertThat(page).contains("Chart.js v4.").doesNotContain("sourceMappingURL").doesNotContain("{{")
                .doesNotContain("<script src=").doesNotContain("<link ");
    }
}
