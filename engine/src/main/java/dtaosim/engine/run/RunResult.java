package dtaosim.engine.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a run over one path range: per-path outcome columns and series in path order and, if asked
 * for, every path's final state. Results of ranges that tile a larger range {@link #merge merge} into the result
 * a single run over it gives, bit for bit.
 *
 * @param range      global paths covered
 * @param outcomes   per-path outcomes, entry k belongs to path {@code range.from() + k}
 * @param finalState final per-subnet state, or null when not kept
 */
public record RunResult(PathRange range, PathOutcomes outcomes, FinalState finalState) {
    /** Σ over subnets of SubnetTAO at the end. */
    public static final String POOL_TAO = "poolTao";
    /** Σ over subnets of SubnetAlphaIn at the end. */
    public static final String ALPHA_IN = "alphaIn";
    /** Σ over subnets of SubnetAlphaOut at the end. */
    public static final String ALPHA_OUT = "alphaOut";
    /** Σ over subnets of SubnetMovingPrice at the end. */
    public static final String MOVING_PRICE = "movingPrice";
    /** Σ tao_in injected. */
    public static final String TAO_EMITTED = "taoEmitted";
    /** Σ TAO into pools through users' stakes. */
    public static final String TAO_STAKED = "taoStaked";
    /** Σ TAO out of pools through users' unstakes. */
    public static final String TAO_UNSTAKED = "taoUnstaked";
    /** Σ TAO paid to root stakers. */
    public static final String ROOT_DIVIDENDS = "rootDividends";
    /**
     * Σ TAO out of pools through the sale of root alpha: paid root dividends plus what is still pending, plus
     * Swap root claims. So per path: Σ taoReserve = initial + taoEmitted + taoStaked − taoUnstaked −
     * rootTaoSold − taoFees.
     */
    public static final String ROOT_TAO_SOLD = "rootTaoSold";
    /** TAO total issuance at the end. */
    public static final String TOTAL_ISSUANCE = "totalIssuance";
    /** Σ alpha minted over subnets. */
    public static final String ALPHA_MINTED = "alphaMinted";
    /** Σ alpha recycled (issuance lowered). Alpha identity: Σ issuance = initial + minted − recycled. */
    public static final String ALPHA_RECYCLED = "alphaRecycled";
    /** Σ alpha burned (still counted in issuance, owned by nobody). */
    public static final String ALPHA_BURNED = "alphaBurned";
    /** Σ TAO of swap fees paid to block authors (left the pools). */
    public static final String TAO_FEES = "taoFees";
    /** Σ TAO recycled (TotalIssuance lowered). */
    public static final String TAO_RECYCLED = "taoRecycled";
    /**
     * Σ TAO emitted into pools but never added to TotalIssuance: the subsidy era's chain buys (mechanics §3
     * history), so that TotalIssuance = initial + taoEmitted − taoRecycled − taoUnissued in every era.
     */
    public static final String TAO_UNISSUED = "taoUnissued";
    /** Σ TAO registrants put into new pools (only when subnets register during the run). */
    public static final String TAO_LOCKED = "taoLocked";
    /** Σ TAO that left pools with dissolved subnets (paid to holders, or the protocol's share recycled). */
    public static final String TAO_DISSOLVED = "taoDissolved";
    /** Σ alpha that vanished with dissolved subnets. */
    public static final String ALPHA_DESTROYED = "alphaDestroyed";
    /** Subnets registered during the run. */
    public static final String REGISTRATIONS = "registrations";
    /** Subnets pruned to make room. */
    public static final String PRUNINGS = "prunings";
    /** Registrations the chain refused (rate limit, SubnetLimitReached). */
    public static final String REFUSED_REGISTRATIONS = "refusedRegistrations";
    /** NetworkLastLockCost at the end: the lock paid at the last registration. */
    public static final String LAST_LOCK = "lastLock";

    /** Per-path values of one outcome. */
    public double[] outcome(final String name) {
        return outcomes.get(name);
    }

    /**
     * Concatenates results whose ranges tile one contiguous range, in path order (the order of the arguments
     * does not matter).
     */
    public static RunResult merge(final List<RunResult> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        final List<RunResult> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingLong(r -> r.range.from()));
        final long from = sorted.get(0).range.from();
        long next = from;
        boolean withState = true;
        int subnets = -1;
        for (final RunResult part : sorted) {
            if (part.range.from() != next) {
                throw new IllegalArgumentException("ranges do not tile: expected a part starting at path " + next
                        + ", found " + part.range);
            }
            next = part.range.to();
            withState &= part.finalState != null;
            if (part.finalState != null) {
                subnets = part.finalState.subnets();
            }
        }
        final PathRange range = new PathRange(from, next);
        final int total = Math.toIntExact(range.size());
        final PathOutcomes merged = new PathOutcomes(total);
        final FinalState state = withState ? FinalState.allocate(total, subnets) : null;
        int offset = 0;
        for (final RunResult part : sorted) {
            final int n = Math.toIntExact(part.range.size());
            merged.copyFrom(part.outcomes, offset);
            if (state != null) {
                final int cells = n * subnets;
                final int at = offset * subnets;
                final Map<String, double[]> into = state.fields();
                for (final Map.Entry<String, double[]> field : part.finalState.fields().entrySet()) {
                    System.arraycopy(field.getValue(), 0, into.get(field.getKey()), at, cells);
                }
            }
            offset += n;
        }
        return new RunResult(range, merged, state);
    }
}
