package dtaosim.studies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * study yuma on yuma-demo (issue 6): with intervals over paths, a weight copier earns less than honest validators
 * once commit-reveal delays its view, and less than without it; the over-rater's excess weight is clipped. The
 * figures are recomputed from paths.csv.
 */
class YumaStudyTest {
    private static final int PATHS = 12;

    @TempDir
    Path tmp;

    @Test
    void copierShouldEarnLessWithCommitRevealAndOverRaterShouldBeClipped() throws IOException {
        final Path out = tmp.resolve("yuma");
        final CliRun run = CliRun.of("study", "yuma", "--paths", Integer.toString(PATHS), "--blocks", "2880",
                "--quiet", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("with commit-reveal"), run.out());
        final Map<?, ?> cell = (Map<?, ?>) ((List<?>) ((Map<?, ?>) StudyCommandTest.figures(out).get("figures"))
                .get("cells")).get(0);
        final Map<?, ?> plain = (Map<?, ?>) cell.get("yuma.copierRelativeReturn");
        final Map<?, ?> reveal = (Map<?, ?>) cell.get("yuma.copierRelativeReturnCommitReveal");
        final Map<?, ?> effect = (Map<?, ?>) cell.get("commitRevealEffectOnCopier");
        final Map<?, ?> clipped = (Map<?, ?>) cell.get("yuma.overRaterClippedShare");
        assertTrue(number(reveal, "meanHigh") < 1.0, "copier with commit-reveal below honest: " + reveal);
        assertTrue(number(effect, "meanHigh") < 0.0, "commit-reveal lowers the copier's return: " + effect);
        assertTrue(number(clipped, "meanLow") > 0.0, "the over-rater is clipped: " + clipped);

        final List<String> lines = Files.readAllLines(out.resolve("paths.csv"));
        final List<String> header = List.of(lines.get(0).split(",", -1));
        final int column = header.indexOf("yuma.copierRelativeReturnCommitReveal");
        double sum = 0.0;
        for (final String line : lines.subList(1, 1 + PATHS)) {
            sum += Double.parseDouble(line.split(",", -1)[column]);
        }
        assertEquals(sum / PATHS, number(reveal, "mean"), 1e-12);
        assertEquals(PATHS, ((Number) reveal.get("paths")).intValue());
    }

    @Test
    void aScenarioWithoutYumaShouldBeRefused() {
        final CliRun run = CliRun.of("study", "yuma", "meme-loop-demo", "--paths", "2", "--blocks", "10", "--quiet",
                "--out", tmp.resolve("no").toString());
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("yuma: section"), run.err());
    }

    private static double number(final Map<?, ?> m, final String key) {
        return ((Number) m.get(key)).doubleValue();
    }
}
