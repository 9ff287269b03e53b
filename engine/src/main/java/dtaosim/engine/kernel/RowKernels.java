package dtaosim.engine.kernel;

import dtaosim.engine.state.BatchState;

/**
 * The hot per-block loops of the kernel, each over the paths of one subnet row (or over all rows for a
 * per-path reduction). Two implementations: {@link ScalarRowKernels}, plain loops, and a Vector API twin in
 * {@code dtaosim.engine.simd} that runs the same operations (+ − × ÷, min, compares; no FMA) in lanes and
 * hands its tail to the scalar loop, so both give bit-identical numbers. {@link Kernels} picks one per run.
 */
public interface RowKernels {

    /**
     * mechanics §2a: for each path, {@code emissionPerMovingPrice = blockEmission / Σ_subnets movingPrice}, so
     * that a subnet's tao_in is {@code movingPrice × emissionPerMovingPrice} (share × emission).
     */
    void emissionPerMovingPrice(BatchState s);

    /**
     * The launch-era coinbase of one subnet for every path of the batch, in the chain's order:
     * inject (mechanics §3, 2025-02-13: TAO in full, alpha_in = min(tao_in / price, alpha_emission)), mint
     * alpha_out, owner cut, root proportion and root alpha sold into the pool (mechanics §4), then the moving
     * price update (mechanics §2a) with EMA factor {@code movingAlpha} (already ramped if the era ramps).
     * The row's alpha-emission caches must be exact for the current issuance
     * ({@link BatchState#refreshAlphaEmissionRow}).
     */
    void coinbase(BatchState s, int subnet, double movingAlpha);

    /**
     * The reference workload's uniform noise traders on one subnet: draw u from the counter stream at state
     * {@code firstState + p · stateStride} for path slot p; x = 2u − 1; x &gt; 0 stakes {@code x·σ·taoReserve}
     * TAO, otherwise unstakes {@code −x·σ·alphaIn} alpha (cut to {@link BatchState#heldAlpha} when
     * {@code heldOnly}), through the era's pool and fee.
     */
    void uniformNoise(BatchState s, int subnet, long firstState, long stateStride, double sigma, boolean heldOnly);

    /**
     * The coinbase of the capped-injection eras for one subnet row (mechanics §3–§4 by era; see
     * {@link CappedEraStep}), then its moving price. Every cell of the row holds a started subnet.
     */
    void cappedCoinbase(BatchState s, int subnet, double movingAlpha, CappedRules rules);

    /**
     * {@link #cappedCoinbase} then {@link #claimRoot} on the same row in one pass, for a row whose subnet has no
     * epoch this block (the claims read no other row, so this gives the bits of the two passes).
     */
    void cappedCoinbaseAndClaim(BatchState s, int subnet, double movingAlpha, CappedRules rules, double claimRate,
                                double claimSwapShare, double[] blockClaimTao);

    /**
     * mechanics §2a, one row: {@code shareWeight = P̄·factor} [× root proportion {@code tw·R/(tw·R + alphaIn +
     * alphaOut)} when {@code withRootProportion}], each weight added to {@code sum[p]}.
     */
    void priceWeights(BatchState s, int subnet, double factor, boolean withRootProportion, double[] sum);

    /** {@code sum[p] += values[row + p]} for every path slot p (row-wise reductions over subnets). */
    void accumulate(double[] values, int row, double[] sum);

    /** {@code sum[p] += max(values[row + p], 0)} for every path slot p. */
    void accumulatePositive(double[] values, int row, double[] sum);

    /**
     * mechanics §2b (2026-05-27): one row's net-flow weights before the floor, from users' EMA S and the
     * protocol's EMA P: {@code w = S − norm·P} where P &gt; 0 and {@code S − P} elsewhere; and
     * {@code lowest[p] = min(lowest[p], w)}.
     */
    void netFlowWeights(BatchState s, int subnet, double[] norm, double[] lowest);

    /**
     * mechanics §2b, one row: the flow EMAs advance, {@code S ← (1 − f)·S + f·(taoReserve − taoAfterStep)} (users'
     * net TAO since the chain's last step), with {@code protocolFlow} also {@code P ← (1 − f)·P + f·protocolFlow}
     * (then reset; only the net-flow era keeps P), and {@code lowest[p] = min(lowest[p], S)} (the lowest weight
     * when users' flow alone weighs; a scratch otherwise). Cells without a subnet hold zeros and keep them.
     */
    void updateFlows(BatchState s, int subnet, double smoothing, boolean protocolFlow, double[] lowest);

    /**
     * mechanics §2b: {@code w = max(f − max(cutoff, lowest[p]), 0)} (the exponent-1 z of {@code z^p}) of the
     * row's flow weights {@code f} ({@code flows}: users' flow EMA, or the net-flow weights in
     * {@code shareWeight}) into {@code shareWeight}, and {@code sum[p] += w}, for one row.
     */
    void flowShares(BatchState s, int subnet, double[] flows, double cutoff, double[] lowest, double[] sum);

    /**
     * {@link #updateFlows} without the protocol's flow, {@link #flowShares} and {@link #accumulate} of the moving
     * price in one pass, for a row where every cell holds a started subnet that the chain emits to, when the
     * cutoff is at or above 0: the lowest weight (≤ 0) then never binds, so {@code w = max(S − cutoff, 0)} needs
     * no other row (mechanics §2b, exponent 1). Gives the bits of the three passes.
     */
    void userFlowShares(BatchState s, int subnet, double smoothing, double cutoff, double[] sum,
                        double[] movingPriceSum);

    /**
     * {@link #updateFlows} with the protocol's flow, then {@link #accumulatePositive} of both EMAs and
     * {@link #accumulate} of the moving price, in one pass over a row (mechanics §2b, 2026-05-27). Gives the bits
     * of the four passes.
     */
    void updateNetFlows(BatchState s, int subnet, double smoothing, double[] userPositive,
                        double[] protocolPositive, double[] movingPriceSum);

    /**
     * {@link #netFlowWeights} and {@link #flowShares} in one pass, for a row where every cell holds a started
     * subnet that the chain emits to, when the cutoff is at or above 0 (the lowest weight never binds):
     * {@code w = max(S − norm·P − cutoff, 0)} (S − P where P ≤ 0). Gives the bits of the two passes.
     */
    void netFlowShares(BatchState s, int subnet, double[] norm, double cutoff, double[] sum);

    /**
     * mechanics §4 root claim in aggregate for one row where every cell holds a subnet: claim {@code rate} of
     * the claimable root alpha; sell {@code swapShare} of it fee-free for TAO, added per path to
     * {@code blockClaimTao} (the block's claims, which the step adds to the root stakers' TAO and, from
     * 2026-05-27, to R); with {@code protocolFlow} (net-flow era) an outflow of the protocol's flow.
     */
    void claimRoot(BatchState s, int subnet, double rate, double swapShare, boolean protocolFlow,
                   double[] blockClaimTao);

    /**
     * The counter-stream uniforms {@code out[p] = u(firstState + p·stride)} of a row's path slots
     * ({@link dtaosim.engine.rng.CounterRng#unit}), drawn in lanes; a behaviour with rare events per cell
     * compares them and acts only where one happens.
     */
    void uniforms(long firstState, long stride, double[] out);

    /** Short name for reports ("scalar", "vector-512"). */
    String name();
}
