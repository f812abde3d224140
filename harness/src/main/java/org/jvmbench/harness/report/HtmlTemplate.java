package org.jvmbench.harness.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A static page from {@code resources/report/}: the template with Chart.js, the shared style
 * and script, and the run's JSON dropped in, so the written file opens from disk with no
 * network and no server.
 */
final class HtmlTemplate {

    private static final String WEBJAR_POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)}}");
    private static final Pattern SOURCE_MAP = Pattern.compile("(?m)^//# sourceMappingURL=.*$");

    private HtmlTemplate() {
    }

    /**
     * Fills {@code template} (a resource under {@code report/}) in one pass, so text in the data
     * that looks like a placeholder stays as it is.
     *
     * @param title page title, escaped here
     * @param data  the page's model, serialized into its {@code application/json} block
     */
    static String render(String template, String title, Object data) {
        Map<String, String> values = Map.of(
                "TITLE", escape(title),
                "STYLE", resource("report/report.css"),
                "COMMON_JS", resource("report/common.js"),
                "CHART_JS", chartJs(),
                "DATA", ReportJson.forScript(data));
        Matcher m = PLACEHOLDER.matcher(resource("report/" + template));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("template " + template + " has unknown placeholder " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Chart.js from its WebJar, whichever version the build resolved, without its source-map comment. */
    static String chartJs() {
        Properties pom = new Properties();
        try (InputStream in = open(WEBJAR_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String script = resource("META-INF/resources/webjars/chart.js/" + pom.getProperty("version")
                + "/dist/chart.umd.min.js");
        script = SOURCE_MAP.matcher(script).replaceAll("");
        // inside a script element only "</script" could end it early
        return script.replace("</script", "<\\/script");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = HtmlTemplate.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is missing from the classpath");
        }
        return in;
    }
}
