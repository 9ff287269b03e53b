package dtaosim.studies.cli;

import dtaosim.engine.model.Checks;

/** The {@code --blocks} / {@code --days} pair of {@code run} and {@code study}: at most one, a day being 7,200 blocks. */
final class HorizonOption {
    private HorizonOption() {
    }

    /** The blocks asked for, or null for the scenario's own horizon. */
    static Integer blocks(final Integer blocks, final Double days) {
        if (days != null && blocks != null) {
            throw new IllegalArgumentException("--days: given together with --blocks; give one");
        }
        if (days == null) {
            return blocks;
        }
        Checks.inRange("--days", days, 1.0 / 7200, 100_000_000.0 / 7200);
        return (int) Math.round(days * 7200);
    }
}
