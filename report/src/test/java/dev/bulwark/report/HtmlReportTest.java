package dev.bulwark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.finding.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in real headless Chromium: the page's script runs under its own Content-Security-Policy
 * (the filter appears only if it does), counts render, and hostile strings from the image stay text.
 */
class HtmlReportTest {

    @Test
    void chromiumRendersThePageAndRunsItsScriptUnderTheCsp(@TempDir Path dir) throws Exception {
        Assessment a = FixtureFindings.assessment();
        String dom = render(dir, Reports.write("html", a));
        // The script removed the filter's hidden attribute: the CSP hash matches the script.
        Matcher form = Pattern.compile("<form id=\"filter\"([^>]*)>").matcher(dom);
        assertTrue(form.find(), "no filter form in:\n" + dom.substring(0, Math.min(2000, dom.length())));
        assertFalse(form.group(1).contains("hidden"), "the page script did not run: " + form.group(0));
        var counts = ReportFindings.countBySeverity(a.findings());
        for (Severity s : Severity.values()) {
            assertTrue(dom.contains("<td id=\"count-" + s.label() + "\">" + counts.get(s) + "</td>"), s.name());
        }
        assertEquals(a.findings().size(), count(dom, "<tr data-severity="));
        assertTrue(dom.contains("<svg class=\"chart\""));
        assertTrue(dom.contains("id=\"layers\""), "per-layer view");
    }

    @Test
    void hostileStringsStayText(@TempDir Path dir) throws Exception {
        String dom = render(dir, Reports.write("html", FixtureFindings.hostile()));
        assertFalse(dom.contains("<img"), "an element was injected");
        assertFalse(dom.contains("<b>"), "an element was injected");
        assertFalse(dom.contains("<x>") || dom.contains("<x/>"), "an element was injected");
        assertTrue(dom.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertEquals(1, count(dom, "<script>"), "only the page's own script");
    }

    private static String render(Path dir, String html) throws IOException, InterruptedException {
        Path page = dir.resolve("report.html");
        Files.writeString(page, html);
        Path out = dir.resolve("dom.html");
        Path profile = Files.createDirectories(dir.resolve("profile"));
        ProcessBuilder pb = new ProcessBuilder(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + profile, "--virtual-time-budget=2000", "--dump-dom", page.toUri().toString()))
                .redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("chromium is not installed (apt-get install chromium): " + e.getMessage());
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium timed out");
        }
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(p.exitValue() == 0 && !dom.isBlank(), "chromium failed: "
                + Files.readString(dir.resolve("chromium.err")));
        return dom;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
