package dtaosim.engine.quote;

/**
 * The chain's errors a stake or unstake can end with (mechanics §5), each under the name the chain gives it
 * and the pallet that raises it. A quote reports the first one the chain's own checks would hit.
 */
public enum SwapError {
    /** Swap pallet: the limit price is not beyond the current price (buy: not above; sell: not below). */
    PRICE_LIMIT_EXCEEDED("PriceLimitExceeded", "swap", "the limit price is not beyond the current price"),
    /** Swap pallet: the output reserve is below {@code SwapMinimumReserve}, or a non-zero input buys nothing. */
    RESERVES_TOO_LOW("ReservesTooLow", "swap", "the output reserve is below the minimum reserve (SwapMinimumReserve; --minimum-reserve),"
            + " or the input buys nothing"),
    /** Swap pallet: the input after fee exceeds 1000 × the input reserve. */
    SWAP_INPUT_TOO_LARGE("SwapInputTooLarge", "swap", "the input after fee exceeds 1000 x the input reserve"),
    /** Subtensor: the amount is below the minimum stake (or its TAO value is). */
    AMOUNT_TOO_LOW("AmountTooLow", "subtensor", "the amount is below the minimum stake"),
    /** Subtensor: a fill-or-kill limit order asks for more than reaches the limit price. */
    SLIPPAGE_TOO_HIGH("SlippageTooHigh", "subtensor", "the amount exceeds what reaches the limit price"
            + " and partial fills are not allowed"),
    /** Subtensor: the input exceeds 1000 × the pool's reserve, or the simulated swap fails or pays nothing. */
    INSUFFICIENT_LIQUIDITY("InsufficientLiquidity", "subtensor", "the pool cannot take this swap"
            + " (input over 1000 x the reserve, reserve below the minimum, or nothing paid out)"),
    /** Subtensor (V3 eras): the amount that reaches the limit price is 0. */
    ZERO_MAX_STAKE_AMOUNT("ZeroMaxStakeAmount", "subtensor", "no amount reaches the limit price");

    private final String chainName;
    private final String pallet;
    private final String meaning;

    SwapError(final String chainName, final String pallet, final String meaning) {
        this.chainName = chainName;
        this.pallet = pallet;
        this.meaning = meaning;
    }

    /** The error's name in the chain's code, e.g. {@code PriceLimitExceeded}. */
    public String chainName() {
        return chainName;
    }

    /** The pallet that raises it: {@code swap} or {@code subtensor}. */
    public String pallet() {
        return pallet;
    }

    /** One line saying what it means. */
    public String meaning() {
        return meaning;
    }
}
