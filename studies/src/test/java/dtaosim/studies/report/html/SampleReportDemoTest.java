package dtaosim.studies.report.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Writes the sample report to target/report-demo/report.html for a person to open (no browser needed here). */
class SampleReportDemoTest {
    @Test
    void sampleReportShouldBeWrittenToTarget() throws IOException {
        final Path file = Files.createDirectories(Path.of("target", "report-demo")).resolve("report.html");
        SampleReport.build().write(file);
        assertTrue(Files.size(file) > 100_000, "the page inlines Chart.js");
    }
}
