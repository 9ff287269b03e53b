package dtaosim.engine.kernel;

/**
 * The per-era variants of the capped coinbase (mechanics §3–§4 history), fixed for a run; see
 * {@link CappedEraStep}. Passed to the row kernels so the per-element loops test no era.
 *
 * @param cap                          what caps alpha_in: {@link #CAP_BLOCK_EMISSION}, {@link #CAP_ALPHA_EMISSION},
 *                                     {@link #CAP_MIN_ALPHA_AND_BLOCK_EMISSION} or {@link #CAP_ROOT_PROPORTION}
 * @param capAlphaInIsAlphaEmission    a capped subnet gets alpha_in = its alpha emission (subsidy before 2025-09-24)
 * @param buyBeforeInjection           excess TAO buys alpha before the injection (else after)
 * @param keepBoughtAlpha              bought alpha kept as protocol alpha (else recycled)
 * @param issueExcess                  TotalIssuance counts the excess TAO (then the step issues the whole block
 *                                     emission per path; otherwise the kernel adds each tao_in)
 * @param rootAccrues                  root alpha accrues for claims (else sold every block, unless subsidised)
 * @param rootRecycledWithoutSellFlag  without the sell flag root alpha is recycled (else paid to validators)
 * @param recordProtocolFlow           the protocol's TAO flow is recorded (net-flow shares, 2026-05-27)
 * @param burnRootOfCapped             with accruing root alpha, a subsidised subnet's is burned instead
 *                                     (2025-11-04 → 11-06)
 */
public record CappedRules(int cap, boolean capAlphaInIsAlphaEmission, boolean buyBeforeInjection,
                          boolean keepBoughtAlpha, boolean issueExcess, boolean rootAccrues,
                          boolean rootRecycledWithoutSellFlag, boolean recordProtocolFlow,
                          boolean burnRootOfCapped) {
    /** cap = the TAO block emission (subsidy's price-below-share rule). */
    public static final int CAP_BLOCK_EMISSION = 0;
    /** cap = the subnet's alpha emission. */
    public static final int CAP_ALPHA_EMISSION = 1;
    /** cap = min(alpha emission, TAO block emission). */
    public static final int CAP_MIN_ALPHA_AND_BLOCK_EMISSION = 2;
    /** cap = root proportion before minting × alpha emission. */
    public static final int CAP_ROOT_PROPORTION = 3;
}
