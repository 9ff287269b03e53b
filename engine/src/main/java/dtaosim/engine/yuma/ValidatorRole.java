package dtaosim.engine.yuma;

/** How a validator of a Yuma subnet sets its weights each epoch (see {@link WeightSetters}). */
public enum ValidatorRole {
    /** Weights follow the miners' true quality times independent noise. */
    HONEST("honest"),
    /** Copies the last consensus it can see: a tempo old, or {@code 1 + revealDelay} tempos with commit-reveal. */
    COPIER("copier"),
    /** Honest, but multiplies the weights of the miners it owns; clipping at consensus takes the excess back. */
    OVER_RATER("overRater"),
    /** Weights miners by the alpha they hold (the SN28 design). */
    HOLDINGS_SCORER("holdingsScorer");

    private final String id;

    ValidatorRole(final String id) {
        this.id = id;
    }

    /** The name in scenario files and outcome columns. */
    public String id() {
        return id;
    }
}
