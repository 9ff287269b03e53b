package dtaosim.studies.report.html;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.studies.report.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page as text: escaping, the chart data, nothing fetched at view time, and the atomic write. */
class HtmlReportTest {
    private static final String HOSTILE = "<b>a & \"b\"</b></script><!--'";

    @Test
    void textShouldBeEscapedInHtmlAndInTheChartData() {
        final String html = new HtmlReport(HOSTILE).heading(HOSTILE).paragraph(HOSTILE)
                .figures(List.<String[]>of(new String[] {HOSTILE, HOSTILE}))
                .table(HOSTILE, List.of(HOSTILE), List.of(List.of(HOSTILE)))
                .cdf(HOSTILE, HOSTILE, new double[] {1, 2})
                .toHtml();
        final String escaped = "&lt;b&gt;a &amp; &quot;b&quot;&lt;/b&gt;&lt;/script&gt;&lt;!--&#39;";
        assertAll(
                () -> assertEquals(11, count(html, escaped),
                        "title, h1, h2, p, 2 figure cells, caption, th, td, figcaption, aria-label"),
                () -> assertFalse(html.contains("<b>"), "raw markup in the page"),
                () -> assertEquals(3, count(html.toLowerCase(Locale.ROOT), "</script"),
                        "only the data, library and drawing scripts close"),
                () -> assertFalse(html.contains("<!--'"), "an HTML comment opened by text"),
                () -> assertEquals(HOSTILE, chartData(html).get(0).get("title"), "the JSON string reads back"));
    }

    @Test
    void chartDataShouldCarryTheNumbersWithNullsForNonFinite() {
        final double[] x = {0, 1, 2};
        final String html = new HtmlReport("t")
                .fanChart("fan", "day", "share", x, new double[] {0.5, Double.NaN, 0.25}, x, x, x,
                        new double[] {Double.POSITIVE_INFINITY, 7.5e-7, 3})
                .histogram("h", "days", new double[] {0, 1, 2}, new long[] {3, 4})
                .curveWithInterval("c", "x", "p", List.of(new Series("one", x, x, x, x), new Series("two", x, x)))
                .barsWithIntervals("b", "d", new String[] {"e1"}, new double[] {1}, new double[] {0},
                        new double[] {2})
                .toHtml();
        final List<Map<String, Object>> charts = chartData(html);
        assertEquals(4, charts.size());
        final Map<String, Object> fan = charts.get(0);
        assertAll(
                () -> assertEquals("fan", fan.get("kind")),
                () -> assertEquals(java.util.Arrays.asList(0.5, null, 0.25), fan.get("q05")),
                () -> assertEquals(java.util.Arrays.asList(null, 7.5e-7, 3.0), fan.get("q95")),
                () -> assertEquals(List.of(3.0, 4.0), charts.get(1).get("counts")),
                () -> assertEquals(List.of("e1"), charts.get(3).get("labels")),
                () -> assertFalse(chartJson(html).contains("NaN") || chartJson(html).contains("Infinity")),
                () -> assertEquals(4, count(html, "<canvas id=\"chart-")));
        final List<?> series = (List<?>) charts.get(2).get("series");
        assertTrue(((Map<?, ?>) series.get(0)).containsKey("hi"));
        assertFalse(((Map<?, ?>) series.get(1)).containsKey("hi"));
    }

    @Test
    void cdfShouldKeepFiniteValuesSortedAndThinnedByRank() {
        final double[] values = new double[100_000];
        for (int k = 0; k < values.length; k++) {
            values[k] = values.length - k; // descending: the report sorts
        }
        values[7] = Double.NaN;
        final Map<String, Object> cdf = chartData(new HtmlReport("t").cdf("c", "x", values).toHtml()).get(0);
        final List<?> x = (List<?>) cdf.get("x");
        final List<?> p = (List<?>) cdf.get("p");
        assertAll(
                () -> assertEquals(ChartSpecs.CDF_POINTS, x.size()),
                () -> assertEquals(99_999.0, cdf.get("n")),
                () -> assertEquals(1.0, x.get(0)),
                () -> assertEquals(100_000.0, x.get(x.size() - 1)),
                () -> assertEquals(1.0 / 99_999, p.get(0)),
                () -> assertEquals(1.0, p.get(p.size() - 1)));
    }

    @Test
    void pageShouldFetchNothingWhenViewed() {
        final String html = SampleReport.build().toHtml();
        final String library = ChartJsLibrary.get().script;
        assertTrue(html.contains(library), "Chart.js is inlined");
        final String ours = html.replace(library, "").toLowerCase(Locale.ROOT);
        assertAll(
                () -> assertFalse(ours.matches("(?s).*<script[^>]*\\ssrc\\s*=.*"), "a <script src=>"),
                () -> assertFalse(ours.contains("<link"), "a <link>"),
                () -> assertFalse(ours.contains("<img") || ours.contains("<iframe"), "an embedded resource"),
                () -> assertFalse(ours.contains("@import") || ours.contains("url("), "a CSS fetch"),
                () -> assertFalse(ours.contains("http://") || ours.contains("https://"), "a URL outside Chart.js"),
                () -> assertFalse(library.contains("sourceMappingURL"), "a source map reference"));
    }

    @Test
    void writeShouldReplaceTheFileWholeAndLeaveNoTemporaryFile(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("report.html");
        Files.writeString(file, "old");
        final HtmlReport report = new HtmlReport("t").paragraph("new");
        report.write(file);
        assertEquals(report.toHtml(), Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        assertThrows(IOException.class, () -> report.write(dir.resolve("missing").resolve("report.html")));
    }

    @Test
    void mismatchedArraysShouldBeRefusedWithTheChartsTitle() {
        final HtmlReport report = new HtmlReport("t");
        final double[] two = {1, 2};
        final double[] three = {1, 2, 3};
        assertAll(
                () -> assertTrue(assertThrows(IllegalArgumentException.class,
                        () -> report.fanChart("F", "x", "y", two, two, two, three, two, two)).getMessage()
                        .startsWith("F: ")),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> report.histogram("H", "x", two, new long[] {1, 2})),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> report.barsWithIntervals("B", "y", new String[] {"a"}, two, two, two)),
                () -> assertThrows(IllegalArgumentException.class, () -> new Series("s", two, three)),
                () -> assertThrows(IllegalArgumentException.class, () -> new Series("s", two, two, two, null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> report.table("T", List.of("a", "b"), List.of(List.of("1")))),
                () -> assertEquals(0, report.chartCount()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> chartData(final String html) {
        return (List<Map<String, Object>>) JsonReader.read(chartJson(html));
    }

    private static String chartJson(final String html) {
        final String open = "<script type=\"application/json\" id=\"chart-data\">";
        final int from = html.indexOf(open) + open.length();
        return html.substring(from, html.indexOf("</script>", from));
    }

    private static int count(final String text, final String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
