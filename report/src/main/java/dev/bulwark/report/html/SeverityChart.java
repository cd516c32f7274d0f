package dev.bulwark.report.html;

import dev.bulwark.engine.finding.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An inline SVG bar chart of findings by severity: no script, no external resource, readable when printed. */
final class SeverityChart {
    static final Map<Severity, String> COLOURS = Map.of(
            Severity.CRITICAL, "#7f1d1d", Severity.HIGH, "#dc2626", Severity.MEDIUM, "#f59e0b",
            Severity.LOW, "#3b82f6", Severity.NEGLIGIBLE, "#9ca3af", Severity.UNKNOWN, "#6b7280");

    private SeverityChart() {
    }

    static String svg(List<Severity> order, Map<Severity, Integer> counts) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int barWidth = 300;
        int rowHeight = 24;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" role=\"img\" aria-label=\"findings by severity\" width=\"460\" height=\"%d\""
                        + " viewBox=\"0 0 460 %d\" xmlns=\"http://www.w3.org/2000/svg\">",
                order.size() * rowHeight + 4, order.size() * rowHeight + 4));
        int y = 2;
        for (Severity s : order) {
            int n = counts.getOrDefault(s, 0);
            int w = max == 0 ? 0 : Math.max(n > 0 ? 2 : 0, (int) Math.round((double) n * barWidth / max));
            b.append(String.format(Locale.ROOT,
                    "<text x=\"0\" y=\"%d\" font-size=\"13\">%s</text><rect data-severity=\"%s\" x=\"100\" y=\"%d\""
                            + " width=\"%d\" height=\"16\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"13\">%d</text>",
                    y + 14, s.name(), s.name(), y + 2, w, COLOURS.get(s), 106 + w, y + 14, n));
            y += rowHeight;
        }
        return b.append("</svg>").toString();
    }
}
