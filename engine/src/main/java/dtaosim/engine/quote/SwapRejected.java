package dtaosim.engine.quote;

/** Thrown inside the quote procedures when the chain would reject the call; carries the chain's error. */
final class SwapRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SwapError error;

    SwapRejected(final SwapError error) {
        super(error.chainName(), null, false, false);
        this.error = error;
    }

    SwapError error() {
        return error;
    }
}
