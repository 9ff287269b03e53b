package dtaosim.studies.cli;

import dtaosim.engine.model.ChainConstants;
import dtaosim.engine.model.Checks;

/** The {@code --blocks} / {@code --days} pair of {@code run} and {@code study}: at most one; a day is 7,200 blocks. */
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
        final int perDay = ChainConstants.BLOCKS_PER_DAY;
        Checks.inRange("--days", days, 1.0 / perDay, 100_000_000.0 / perDay);
        // as a scenario file's days: a fraction of a block is refused rather than rounded
        final long blocksAsked = ChainConstants.wholeBlocks(days);
        if (blocksAsked < 0) {
            throw new IllegalArgumentException("--days: " + days + " is not a whole number of blocks (" + perDay
                    + " blocks a day); --blocks gives any number");
        }
        return Math.toIntExact(blocksAsked);
    }
}
