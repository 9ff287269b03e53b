package dtaosim.studies.report.html;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.studies.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** The report each study writes, rendered in headless Chromium: every chart drawn, none failed. */
class StudyReportChromiumTest {
    @ParameterizedTest
    @CsvSource({"meme-capture, meme-loop-demo", "eras, meme-loop-demo", "distribution, meme-loop-demo",
        "yuma, yuma-demo"})
    void studyReportShouldDrawEveryChart(final String study, final String scenario, @TempDir final Path dir)
            throws IOException, InterruptedException {
        final HeadlessChromium chromium = HeadlessChromium.findOrSkip();
        final Path out = dir.resolve("study");
        final StringWriter err = new StringWriter();
        final int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "study",
                study, scenario, "--paths", "8", "--blocks", "1440", "--samples", "24", "--quiet",
                "--out", out.toString());
        assertEquals(0, code, err::toString);
        final String dom = chromium.dumpDom(out.resolve("report.html"), dir);
        final String body = HtmlReportChromiumTest.attributesOf(dom);
        final int canvases = HtmlReportChromiumTest.count(dom, "<canvas");
        assertAll(
                () -> assertTrue(canvases >= 4, "charts: " + canvases),
                () -> assertEquals(String.valueOf(canvases), HtmlReportChromiumTest.attribute(body,
                        "data-charts-rendered"), body),
                () -> assertEquals(null, HtmlReportChromiumTest.attribute(body, "data-chart-error")));
    }
}
