package dtaosim.studies.scenario;

import dtaosim.engine.model.Era;

/**
 * One entry of a scenario's era schedule: the rules of {@code era} are in force from chain block
 * {@code fromBlock} on.
 *
 * @param era       the rule set
 * @param fromBlock first chain block of the era, ≥ 0
 */
public record EraEntry(Era era, long fromBlock) {
    /** Validates the entry. */
    public EraEntry {
        if (era == null) {
            throw new IllegalArgumentException("era: missing");
        }
        if (fromBlock < 0) {
            throw new IllegalArgumentException("fromBlock: " + fromBlock + " is not ≥ 0");
        }
    }
}
