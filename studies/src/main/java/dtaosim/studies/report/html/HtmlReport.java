package dtaosim.studies.report.html;

import dtaosim.studies.report.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A self-contained HTML report: a title, then text, tables and charts in the order they are added (consecutive
 * charts share a grid). Chart.js is inlined and the data travels as JSON in the page, so the file needs no
 * network when viewed. Text is escaped; non-finite numbers are drawn as gaps. Once every chart is drawn the
 * page sets {@code data-charts-rendered} on {@code <body>} to the number drawn, {@code data-chart-error} if
 * any chart failed, and {@code data-chart-boxes} to each canvas's page box {@code [x, y, width, height]}.
 *
 * <p>Chart data is copied when a chart is added; a report is not thread-safe.
 */
public final class HtmlReport {
    private static final String RESOURCES = "/dtaosim/studies/report/html/";

    private final String title;
    private final List<Part> parts = new ArrayList<>();
    private final List<String> chartSpecs = new ArrayList<>();

    private record Part(String html, boolean chart) {
    }

    public HtmlReport(final String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** A section heading. */
    public HtmlReport heading(final String text) {
        return text("<h2>" + HtmlText.escape(text) + "</h2>");
    }

    /** A paragraph of plain text, e.g. the key numbers in words. */
    public HtmlReport paragraph(final String text) {
        return text("<p>" + HtmlText.escape(text) + "</p>");
    }

    /** The key figures: a two-column table, each row {@code {label, value}}. */
    public HtmlReport figures(final List<String[]> rows) {
        final StringBuilder html = new StringBuilder("<table class=\"figures\"><tbody>\n");
        for (final String[] row : rows) {
            if (row.length != 2) {
                throw new IllegalArgumentException("a figure row is {label, value}, not " + row.length + " cells");
            }
            html.append("<tr><th scope=\"row\">").append(HtmlText.escape(row[0])).append("</th><td>")
                    .append(HtmlText.escape(row[1])).append("</td></tr>\n");
        }
        return text(html.append("</tbody></table>").toString());
    }

    /** A table with a caption, a header row and rows of the header's width. */
    public HtmlReport table(final String title, final List<String> header, final List<List<String>> rows) {
        final StringBuilder html = new StringBuilder("<table class=\"data\"><caption>")
                .append(HtmlText.escape(title)).append("</caption>\n<thead><tr>");
        for (final String cell : header) {
            html.append("<th scope=\"col\">").append(HtmlText.escape(cell)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (final List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(title + ": a row of " + row.size() + " cells under a header of "
                        + header.size());
            }
            html.append("<tr>");
            for (final String cell : row) {
                html.append("<td>").append(HtmlText.escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        return text(html.append("</tbody></table>").toString());
    }

    /** Quantile bands over {@code x}: 5–95 % and 25–75 % shaded, the median as a line. All arrays as long as x. */
    public HtmlReport fanChart(final String title, final String xLabel, final String yLabel, final double[] x,
                               final double[] q05, final double[] q25, final double[] q50, final double[] q75,
                               final double[] q95) {
        return chart(title, ChartSpecs.fan(title, xLabel, yLabel, x, q05, q25, q50, q75, q95));
    }

    /** A histogram of {@code counts.length} bins; bin i spans {@code [binEdges[i], binEdges[i + 1])}. */
    public HtmlReport histogram(final String title, final String xLabel, final double[] binEdges,
                                final long[] counts) {
        return histogram(title, xLabel, "count", binEdges, counts);
    }

    /** A histogram with a y-axis title, e.g. {@code "paths"}. */
    public HtmlReport histogram(final String title, final String xLabel, final String yLabel,
                                final double[] binEdges, final long[] counts) {
        return chart(title, ChartSpecs.histogram(title, xLabel, yLabel, binEdges, counts));
    }

    /** The empirical CDF of the finite {@code values} (sorted or not; a sorted copy is taken). */
    public HtmlReport cdf(final String title, final String xLabel, final double[] values) {
        return chart(title, ChartSpecs.cdf(title, xLabel, values));
    }

    /** Curves over a numeric x, each point with its interval as a whisker (e.g. probability with Wilson CI). */
    public HtmlReport curveWithInterval(final String title, final String xLabel, final String yLabel,
                                        final List<Series> series) {
        return chart(title, ChartSpecs.curves(title, xLabel, yLabel, series));
    }

    /** One bar per label with its interval {@code [lo, hi]} as a whisker (e.g. paired differences). */
    public HtmlReport barsWithIntervals(final String title, final String yLabel, final String[] labels,
                                        final double[] value, final double[] lo, final double[] hi) {
        return chart(title, ChartSpecs.bars(title, yLabel, labels, value, lo, hi));
    }

    /** The number of charts added so far. */
    public int chartCount() {
        return chartSpecs.size();
    }

    /** The whole page. */
    public String toHtml() {
        final ChartJsLibrary chartJs = ChartJsLibrary.get();
        final StringBuilder html = new StringBuilder(chartJs.script.length() + 64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(HtmlText.escape(title)).append("</title>\n")
                .append("<style>\n").append(resource("report.css")).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(HtmlText.escape(title)).append("</h1>\n");
        boolean inGrid = false;
        for (final Part part : parts) {
            if (part.chart != inGrid) {
                html.append(inGrid ? "</div>\n" : "<div class=\"charts\">\n");
                inGrid = part.chart;
            }
            html.append(part.html).append('\n');
        }
        if (inGrid) {
            html.append("</div>\n");
        }
        html.append("</main>\n<footer>Charts drawn with Chart.js ").append(HtmlText.escape(chartJs.version))
                .append(" (MIT licence), inlined in this file.</footer>\n");
        html.append("<script type=\"application/json\" id=\"chart-data\">[");
        for (int k = 0; k < chartSpecs.size(); k++) {
            html.append(k == 0 ? "\n" : ",\n").append(chartSpecs.get(k));
        }
        html.append("\n]</script>\n<script>\n").append(chartJs.script).append("\n</script>\n<script>\n")
                .append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Writes the page to {@code file} under a temporary name and moves it into place when complete. */
    public void write(final Path file) throws IOException {
        AtomicFiles.writeString(file, toHtml());
    }

    private HtmlReport text(final String html) {
        parts.add(new Part(html, false));
        return this;
    }

    private HtmlReport chart(final String title, final String specJson) {
        final int index = chartSpecs.size();
        chartSpecs.add(specJson);
        parts.add(new Part("<figure class=\"chart\"><figcaption>" + HtmlText.escape(title)
                + "</figcaption><div class=\"box\"><canvas id=\"chart-" + index + "\" role=\"img\" aria-label=\""
                + HtmlText.escape(title) + "\"></canvas></div></figure>", true));
        return this;
    }

    private static String resource(final String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCES + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
