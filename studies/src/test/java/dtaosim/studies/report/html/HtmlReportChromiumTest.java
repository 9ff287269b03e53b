package dtaosim.studies.report.html;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html rendered in headless Chromium: every chart is drawn without error (the page's own count), and the
 * screenshot shows drawings in colour inside every chart's box. The screenshot is also copied to
 * target/report-demo/report.png for a person to look at.
 */
class HtmlReportChromiumTest {
    private static final Pattern BODY = Pattern.compile("<body([^>]*)>");
    private static final Pattern BOX = Pattern.compile("\\[(\\d+),(\\d+),(\\d+),(\\d+)]");

    @Test
    void everyChartShouldBeDrawnAndVisibleInTheScreenshot(@TempDir final Path dir)
            throws IOException, InterruptedException {
        final HeadlessChromium chromium = HeadlessChromium.findOrSkip();
        final Path page = dir.resolve("report.html");
        SampleReport.build().write(page);

        final String dom = chromium.dumpDom(page, dir);
        final String body = attributesOf(dom);
        assertAll(
                () -> assertEquals(String.valueOf(SampleReport.CHARTS), attribute(body, "data-charts-rendered"), body),
                () -> assertEquals(null, attribute(body, "data-chart-error")),
                () -> assertEquals(SampleReport.CHARTS, count(dom, "<canvas")));
        final List<int[]> boxes = boxes(attribute(body, "data-chart-boxes"));
        assertEquals(SampleReport.CHARTS, boxes.size());

        final Path png = dir.resolve("report.png");
        chromium.screenshot(page, png, dir);
        final BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(HeadlessChromium.WIDTH, image.getWidth());
        assertEquals(HeadlessChromium.HEIGHT, image.getHeight());
        final Path demo = Files.createDirectories(Path.of("target", "report-demo"));
        Files.copy(png, demo.resolve("report.png"), StandardCopyOption.REPLACE_EXISTING);

        assertTrue(new PixelStats(image, 0, 0, image.getWidth(), image.getHeight()).inkShare() > 0.05,
                "the page is almost blank");
        for (int k = 0; k < boxes.size(); k++) {
            final int[] b = boxes.get(k);
            assertTrue(b[2] > 200 && b[3] > 150 && b[0] + b[2] <= image.getWidth()
                    && b[1] + b[3] <= image.getHeight(), "chart " + k + " box " + List.of(b[0], b[1], b[2], b[3])
                    + " is not inside the screenshot");
            final PixelStats stats = new PixelStats(image, b[0], b[1], b[2], b[3]);
            final int chart = k;
            assertAll("chart " + k,
                    () -> assertTrue(stats.inkShare() > 0.03, "chart " + chart + ": ink " + stats.inkShare()),
                    () -> assertTrue(stats.colourShare() > 0.005,
                            "chart " + chart + ": coloured share " + stats.colourShare()),
                    () -> assertTrue(stats.distinctColours() > 30,
                            "chart " + chart + ": " + stats.distinctColours() + " colours"));
        }
    }

    @Test
    void hostileTextShouldStayTextInTheBrowser(@TempDir final Path dir) throws IOException, InterruptedException {
        final HeadlessChromium chromium = HeadlessChromium.findOrSkip();
        final String hostile = "</script><!--<script>document.body.dataset.owned='yes'</script>";
        final Path page = dir.resolve("hostile.html");
        new HtmlReport(hostile).paragraph(hostile)
                .cdf(hostile, hostile, new double[] {1, 2, Double.NaN, 3})
                .write(page);
        final String dom = chromium.dumpDom(page, dir);
        final String body = attributesOf(dom);
        assertAll(
                () -> assertEquals("1", attribute(body, "data-charts-rendered"), body),
                () -> assertEquals(null, attribute(body, "data-chart-error")),
                () -> assertFalse(body.contains("data-owned"), body));
    }

    @Test
    void emptyAndNonFiniteDataShouldStillDrawEveryChart(@TempDir final Path dir)
            throws IOException, InterruptedException {
        final HeadlessChromium chromium = HeadlessChromium.findOrSkip();
        final double nan = Double.NaN;
        final double[] none = {};
        final double[] x = {0, nan, 2};
        final double[] bad = {nan, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        final Path page = dir.resolve("edges.html");
        new HtmlReport("empty and non-finite")
                .fanChart("all non-finite", "x", "y", x, bad, bad, bad, bad, bad)
                .fanChart("empty", "x", "y", none, none, none, none, none, none)
                .histogram("no bins", "x", new double[] {1}, new long[0])
                .histogram("non-finite edges", "x", new double[] {nan, 1, 2}, new long[] {5, 6})
                .cdf("no finite values", "x", bad)
                .curveWithInterval("no series", "x", "y", List.of())
                .curveWithInterval("non-finite points", "x", "y", List.of(new Series("s", x, bad, bad, x)))
                .barsWithIntervals("no bars", "y", new String[0], none, none, none)
                .barsWithIntervals("non-finite bars", "y", new String[] {"a", "b", "c"}, bad, bad, x)
                .write(page);
        final String body = attributesOf(chromium.dumpDom(page, dir));
        assertAll(
                () -> assertEquals("9", attribute(body, "data-charts-rendered"), body),
                () -> assertEquals(null, attribute(body, "data-chart-error")));
    }

    static String attributesOf(final String dom) {
        final Matcher m = BODY.matcher(dom);
        assertTrue(m.find(), "no <body> in the dumped DOM");
        return m.group(1);
    }

    /** The value of a double-quoted attribute, or null when absent. */
    static String attribute(final String attributes, final String name) {
        final Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : null;
    }

    private static List<int[]> boxes(final String json) {
        final List<int[]> boxes = new ArrayList<>();
        final Matcher m = BOX.matcher(json == null ? "" : json);
        while (m.find()) {
            boxes.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))});
        }
        return boxes;
    }

    static int count(final String text, final String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    /** Pixels of one rectangle: ink (not near-white), colour (not grey) and distinct RGB values. */
    private static final class PixelStats {
        private long ink;
        private long coloured;
        private final long total;
        private final Set<Integer> colours = new HashSet<>();

        PixelStats(final BufferedImage image, final int x0, final int y0, final int width, final int height) {
            total = (long) width * height;
            for (int y = y0; y < y0 + height; y++) {
                for (int x = x0; x < x0 + width; x++) {
                    final int rgb = image.getRGB(x, y) & 0xffffff;
                    final int r = rgb >> 16;
                    final int g = (rgb >> 8) & 255;
                    final int b = rgb & 255;
                    colours.add(rgb);
                    if (Math.min(r, Math.min(g, b)) < 240) {
                        ink++;
                    }
                    if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
                        coloured++;
                    }
                }
            }
        }

        double inkShare() {
            return (double) ink / total;
        }

        double colourShare() {
            return (double) coloured / total;
        }

        int distinctColours() {
            return colours.size();
        }
    }
}
