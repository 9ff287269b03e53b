package dtaosim.studies.scenario;

import dtaosim.engine.model.Era;

/**
 * Command-line values that replace a scenario file's: each null when not given. An era replaces the file's
 * era or era schedule with that one era from the first block; its switches must then belong to it.
 *
 * @param paths  paths P
 * @param blocks blocks simulated
 * @param seed   seed
 * @param era    rule set
 */
public record Overrides(Long paths, Integer blocks, Long seed, Era era) {
    /** Nothing overridden. */
    public static final Overrides NONE = new Overrides(null, null, null, null);
}
