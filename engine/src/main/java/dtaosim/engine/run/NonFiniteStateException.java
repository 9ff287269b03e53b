package dtaosim.engine.run;

/**
 * A run reached a state the model's doubles cannot carry on from: a pool whose reserves, moving price or pending
 * emission are NaN or infinite. It happens only when a reserve falls to about 0 (engine/MODEL.md
 * "Simplifications": the model has no minimum-reserve guard), so the run stops naming the path and subnet rather
 * than report NaN.
 */
public final class NonFiniteStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NonFiniteStateException(final String message) {
        super(message);
    }
}
