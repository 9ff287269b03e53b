package dtaosim.studies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dtaosim.engine.run.DailyPrices;
import dtaosim.engine.run.PricePanel;
import dtaosim.engine.run.Scenario;
import dtaosim.studies.scenario.Overrides;
import dtaosim.studies.scenario.ScenarioParser;
import dtaosim.studies.stats.CalibrationFacts;
import dtaosim.studies.stats.OhlcCsv;
import dtaosim.studies.stats.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in scenario {@code mainnet-2025} is calibrated: run as {@code dtaosim calibrate mainnet-2025} runs it
 * (its own paths and seed, the command's code), all 12 stylised facts are within 20 % of the values measured on
 * the observed price file. Needs {@code ../shared/data} next to the repository; skipped without it. About 25 s on
 * two cores.
 */
class MainnetCalibrationTest {
    @Test
    void mainnet2025ReproducesItsStylisedFactsWithin20Percent() {
        final Path data = SharedData.defaultFolder(); // where calibrate looks without --data
        final Path file = data.resolve(OhlcCsv.FILE_NAME);
        assumeTrue(Files.isRegularFile(file), "no observed data at " + data + "; skipping");
        final PricePanel observedPanel = OhlcCsv.read(file);
        final double[] observed = CalibrationFacts.measure(observedPanel);

        final Scenario plain = ScenarioParser.load("mainnet-2025").file().resolve(Overrides.NONE);
        final DailyPrices probe = DailyPrices.covering(plain);
        final double[][] perPath = CalibrateCommand.factsPerPath(plain.withProbe(probe), probe, observedPanel,
                Runtime.getRuntime().availableProcessors());

        assertEquals(12, observed.length, "the stylised facts of shared/data/README.md");
        final List<String> missed = new ArrayList<>();
        for (int f = 0; f < observed.length; f++) {
            final String name = CalibrationFacts.ALL.get(f).name();
            final double simulated = CalibrateCommand.simulatedValue(perPath[f]);
            final boolean within = CalibrateCommand.within(simulated, observed[f]);
            final String line = name + ": simulated " + simulated + ", observed " + observed[f];
            if (!within) {
                missed.add(line);
            }
        }
        assertTrue(missed.isEmpty(), "facts outside 20 %: " + missed);
    }
}
