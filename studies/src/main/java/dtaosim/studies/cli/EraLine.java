package dtaosim.studies.cli;

import dtaosim.engine.run.EraChange;
import dtaosim.engine.run.Scenario;

/** The eras a run goes through, for the summary lines of {@code run} and {@code calibrate}. */
final class EraLine {
    private EraLine() {
    }

    /** {@code launch-2025-02}, or with a schedule {@code launch-2025-02, ema-ramp-2025-03 from block 5158637, …}. */
    static String of(final Scenario run) {
        final StringBuilder line = new StringBuilder(run.protocol().era().id());
        for (final EraChange change : run.eraChanges()) {
            line.append(", ").append(change.protocol().era().id()).append(" from block ").append(change.block());
        }
        return line.toString();
    }
}
