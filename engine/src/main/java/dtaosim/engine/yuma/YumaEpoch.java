package dtaosim.engine.yuma;

/**
 * One subnet's Yuma epoch for one path at a time, on primitive arrays (mechanics §4; subtensor
 * {@code pallets/subtensor/src/epoch/run_epoch.rs :: epoch_mechanism} and {@code epoch/math.rs} at 14bc6f9f).
 * Validators are the rows i ∈ [0, V), miners the columns j ∈ [0, M): validators set weights on miners only,
 * so the chain's diagonal mask and a miner's own stake play no part. A workspace: construct once per batch,
 * then {@link #run} allocates nothing.
 *
 * <p>The caller writes a path's raw weights (any non-negative scale, as the chain's u16 rows) into
 * {@link #weights()}, then calls {@link #run} with that path's stakes, permits and bonds, and reads
 * {@link #incentive()}, {@link #dividends()}, {@link #consensus()} and {@link #validatorShare()} before the next
 * call. The chain computes in I32F32/I64F64 fixed point and stores u16; this works in doubles without rounding.
 */
public final class YumaEpoch {
    private final YumaParams params;
    private final int validators;
    private final int miners;
    private final double[] weights;
    private final double[] stake;
    private final double[] activeStake;
    private final boolean[] newPermit;
    private final double[] consensus;
    private final double[] ranks;
    private final double[] unclippedRanks;
    private final double[] incentive;
    private final double[] columnSum;
    private final double[] columnAux;
    private final double[] dividends;
    private final double[] validatorShare;
    private final double[] useStake;
    private final int[] useRow;
    private final YumaKernels kernels;
    private double incentiveSum;
    private double dividendSum;
    private double clippedShare;

    /** A workspace for epochs of {@code params.validators() × params.miners()}. */
    public YumaEpoch(final YumaParams params) {
        this(params, YumaKernels.best(params.validators(), params.miners()));
    }

    /** The same, with the given loops (all implementations give the same numbers). */
    public YumaEpoch(final YumaParams params, final YumaKernels kernels) {
        this.params = params;
        this.kernels = kernels;
        this.validators = params.validators();
        this.miners = params.miners();
        final int v = validators;
        final int m = miners;
        weights = new double[v * m];
        stake = new double[v];
        activeStake = new double[v];
        newPermit = new boolean[v];
        consensus = new double[m];
        ranks = new double[m];
        unclippedRanks = new double[m];
        incentive = new double[m];
        columnSum = new double[m];
        columnAux = new double[m];
        dividends = new double[v];
        validatorShare = new double[v];
        useStake = new double[v];
        useRow = new int[v];
    }

    /** The epoch's parameters. */
    public YumaParams params() {
        return params;
    }

    /** Raw weights W[i·M + j] of the next {@link #run}; normalised in place by it. */
    public double[] weights() {
        return weights;
    }

    /** Incentive I_j after the last run: normalised W̄ᵀ·S (sums to 1, or all 0). */
    public double[] incentive() {
        return incentive;
    }

    /** Dividends D_i after the last run (normalised, or all 0), as the chain stores them. */
    public double[] dividends() {
        return dividends;
    }

    /** Consensus C_j after the last run: the stake-weighted κ-quantile of column j. */
    public double[] consensus() {
        return consensus;
    }

    /**
     * Each validator's share of the validators' emission after the last run: D, or when incentive and dividends
     * are both 0 the chain's fallback, active stake (stake if no stake is active); also stake when only the
     * dividends are 0 (see MODEL.md).
     */
    public double[] validatorShare() {
        return validatorShare;
    }

    /** Σ I after the last run: 1, or 0 when no weight survived (then validators take the miners' part too). */
    public double incentiveSum() {
        return incentiveSum;
    }

    /** Σ D after the last run: 1 or 0. */
    public double dividendSum() {
        return dividendSum;
    }

    /** Share of the stake-weighted weight mass Σ W·S that clipping removed in the last run (0 … 1). */
    public double clippedShare() {
        return clippedShare;
    }

    /** Stake weights S (after the threshold, normalised) of the last run. */
    public double[] stakeWeights() {
        return stake;
    }

    /** Active stake (permitted, active, normalised) of the last run. */
    public double[] activeStake() {
        return activeStake;
    }

    /**
     * Runs one epoch for one path.
     *
     * @param rawStake stake per validator, alpha + tw·root, at {@code [vOff, vOff + V)}
     * @param vOff     offset of the path's validators in {@code rawStake}, {@code permit}, {@code active}
     * @param permit   validator permits from the last epoch; replaced by this epoch's (top-k non-zero stake)
     * @param active   whether each validator set weights within the activity cutoff
     * @param bonds    the path's bonds B[i·M + j] at {@code bOff}; updated (Yuma3: fixed proportions; classic:
     *                 column max-upscaled, as the chain stores them)
     * @param bOff     offset of the path's bonds
     */
    public void run(final double[] rawStake, final int vOff, final boolean[] permit, final boolean[] active,
                    final double[] bonds, final int bOff) {
        final int v = validators;
        final int m = miners;
        final double[] w = weights;
        final double[] s = stake;
        final double[] a = activeStake;

        // stake: zeroed below StakeThreshold, normalised (run_epoch.rs: filtered_stake, inplace_normalize_64)
        final double threshold = params.stakeThreshold();
        double stakeTotal = 0.0;
        for (int i = 0; i < v; i++) {
            final double x = rawStake[vOff + i];
            s[i] = x < threshold ? 0.0 : x;
            stakeTotal += s[i];
        }
        if (stakeTotal != 0.0) {
            for (int i = 0; i < v; i++) {
                s[i] /= stakeTotal;
            }
        }
        topKNonZero(s, params.maxAllowedValidators(), newPermit);

        // active stake: inactive and unpermitted (last epoch's permits) masked, normalised
        double activeTotal = 0.0;
        for (int i = 0; i < v; i++) {
            a[i] = active[vOff + i] && permit[vOff + i] ? s[i] : 0.0;
            activeTotal += a[i];
        }
        if (activeTotal != 0.0) {
            for (int i = 0; i < v; i++) {
                a[i] /= activeTotal;
            }
        }

        // weights: rows without permit masked, rows normalised (inplace_row_normalize_sparse: only if sum > 0)
        for (int i = 0; i < v; i++) {
            final int row = i * m;
            if (!permit[vOff + i]) {
                for (int j = 0; j < m; j++) {
                    w[row + j] = 0.0;
                }
                continue;
            }
            final double rowSum = kernels.sum(w, row, m);
            if (rowSum > 0.0) {
                final double inverse = 1.0 / rowSum;
                for (int j = 0; j < m; j++) {
                    w[row + j] *= inverse;
                }
            }
        }

        consensus(w, a);

        // clipping W̄ = min(W, C) and ranks R = W̄ᵀ·S (col_clip_sparse, matmul_sparse); unclipped for the share
        final double[] c = consensus;
        final double[] r = ranks;
        final double[] r0 = unclippedRanks;
        for (int j = 0; j < m; j++) {
            r[j] = 0.0;
            r0[j] = 0.0;
        }
        for (int i = 0; i < v; i++) {
            final double ai = a[i];
            if (ai == 0.0) {
                continue;
            }
            kernels.clipAndRank(w, i * m, c, ai, r, r0, m);
        }
        double rankTotal = 0.0;
        double unclippedTotal = 0.0;
        for (int j = 0; j < m; j++) {
            rankTotal += r[j];
            unclippedTotal += r0[j];
        }
        clippedShare = unclippedTotal > 0.0 ? Math.max(0.0, 1.0 - rankTotal / unclippedTotal) : 0.0;
        final double[] inc = incentive;
        double incTotal = 0.0;
        for (int j = 0; j < m; j++) {
            inc[j] = rankTotal != 0.0 ? r[j] / rankTotal : r[j];
            incTotal += inc[j];
        }
        incentiveSum = incTotal;

        if (params.bondsMode() == BondsMode.YUMA3) {
            yuma3Bonds(w, bonds, bOff);
        } else {
            classicBonds(w, bonds, bOff);
        }

        // emission split (run_epoch.rs: normalized_validator_emission; zero emission ⇒ active stake, else stake)
        final double[] share = validatorShare;
        if (dividendSum > 0.0) {
            System.arraycopy(dividends, 0, share, 0, v);
        } else {
            System.arraycopy(activeTotal != 0.0 ? a : s, 0, share, 0, v);
        }

        // bonds of validators that lost (or never had) a permit are cleared; permits become this epoch's
        for (int i = 0; i < v; i++) {
            if (!newPermit[i]) {
                final int row = bOff + i * m;
                for (int j = 0; j < m; j++) {
                    bonds[row + j] = 0.0;
                }
            }
            permit[vOff + i] = newPermit[i];
        }
    }

    /** math.rs :: weighted_median_col_sparse over the rows with active stake. */
    private void consensus(final double[] w, final double[] a) {
        final int v = validators;
        final int m = miners;
        int used = 0;
        double useTotal = 0.0;
        for (int i = 0; i < v; i++) {
            if (a[i] > 0.0) {
                useRow[used] = i;
                useStake[used] = a[i];
                useTotal += a[i];
                used++;
            }
        }
        double stakeSum = 0.0;
        for (int k = 0; k < used; k++) {
            if (useTotal != 0.0) {
                useStake[k] /= useTotal;
            }
            stakeSum += useStake[k];
        }
        kernels.quantiles(w, m, useRow, useStake, used, stakeSum - params.kappa(), consensus);
    }

    /**
     * Yuma3 (run_epoch.rs, Yuma3On branch; compute_bonds_sparse, mat_ema_sparse / mat_ema_alpha): bonds follow
     * W_b = W + penalty·(W̄ − W) by an EMA with α = 1 − BondsMovingAverage, or per bond the liquid-alpha sigmoid
     * (then clamped to [0, 1]); dividends D_i ∝ S_i·Σ_j B_ij/Σ_k B_kj·I_j.
     */
    private void yuma3Bonds(final double[] w, final double[] bonds, final int bOff) {
        final int v = validators;
        final int m = miners;
        final double[] c = consensus;
        final double penalty = params.bondsPenalty();
        final double alpha = params.bondsAlpha();
        boolean liquid = false;
        if (params.liquidAlpha()) {
            for (int j = 0; j < m; j++) {
                liquid |= c[j] != 0.0;
            }
        }
        final double[] colSum = columnSum;
        for (int j = 0; j < m; j++) {
            colSum[j] = 0.0;
        }
        for (int i = 0; i < v; i++) {
            final int row = i * m;
            final int brow = bOff + row;
            if (liquid) {
                kernels.liquidBondRow(w, row, c, penalty, params.alphaLow(), params.alphaHigh(),
                        params.alphaSigmoidSteepness(), bonds, brow, colSum, m);
            } else {
                kernels.bondRow(w, row, c, penalty, alpha, bonds, brow, colSum, m);
            }
        }
        final double[] g = columnAux;
        for (int j = 0; j < m; j++) {
            g[j] = colSum[j] != 0.0 ? incentive[j] / colSum[j] : 0.0;
        }
        double total = 0.0;
        for (int i = 0; i < v; i++) {
            dividends[i] = kernels.dot(bonds, bOff + i * m, g, m) * activeStake[i];
            total += dividends[i];
        }
        normaliseDividends(total);
    }

    /**
     * Classic Yuma (run_epoch.rs, else branch): old bonds column-normalised, ΔB = W_b ◦ S column-normalised,
     * B = α·ΔB + (1 − α)·B column-normalised, D = Bᵀ·I normalised; stored column max-upscaled.
     */
    private void classicBonds(final double[] w, final double[] bonds, final int bOff) {
        final int v = validators;
        final int m = miners;
        final double[] c = consensus;
        final double penalty = params.bondsPenalty();
        final double alpha = params.bondsAlpha();
        final double[] oldSum = columnSum;
        final double[] deltaSum = columnAux;
        for (int j = 0; j < m; j++) {
            oldSum[j] = 0.0;
            deltaSum[j] = 0.0;
        }
        for (int i = 0; i < v; i++) {
            final int row = i * m;
            kernels.classicSums(w, row, c, penalty, activeStake[i], bonds, bOff + row, oldSum, deltaSum, m);
        }
        final double[] newSum = ranks; // ranks are no longer needed: reuse as the new column sums
        for (int j = 0; j < m; j++) {
            newSum[j] = 0.0;
            // from here on the sums are used as factors: 1/sum, or 1 where a column is all 0
            oldSum[j] = oldSum[j] != 0.0 ? 1.0 / oldSum[j] : 1.0;
            deltaSum[j] = deltaSum[j] != 0.0 ? 1.0 / deltaSum[j] : 1.0;
        }
        for (int i = 0; i < v; i++) {
            final int row = i * m;
            kernels.classicBondRow(w, row, c, penalty, activeStake[i], alpha, bonds, bOff + row, oldSum, deltaSum,
                    newSum, m);
        }
        final double[] colMax = unclippedRanks; // reuse: the column maxima after normalising
        for (int j = 0; j < m; j++) {
            colMax[j] = 0.0;
        }
        for (int j = 0; j < m; j++) {
            newSum[j] = newSum[j] != 0.0 ? 1.0 / newSum[j] : 1.0;
        }
        double total = 0.0;
        for (int i = 0; i < v; i++) {
            final int brow = bOff + i * m;
            kernels.scaleAndMax(bonds, brow, newSum, colMax, m);
            final double t = kernels.dot(bonds, brow, incentive, m);
            dividends[i] = t;
            total += t;
        }
        normaliseDividends(total);
        for (int j = 0; j < m; j++) {
            colMax[j] = colMax[j] != 0.0 ? 1.0 / colMax[j] : 1.0;
        }
        for (int i = 0; i < v; i++) {
            final int brow = bOff + i * m;
            for (int j = 0; j < m; j++) {
                bonds[brow + j] *= colMax[j];
            }
        }
    }

    private void normaliseDividends(final double total) {
        double sum = 0.0;
        for (int i = 0; i < validators; i++) {
            if (total != 0.0) {
                dividends[i] /= total;
            }
            sum += dividends[i];
        }
        dividendSum = sum;
    }

    /**
     * math.rs :: is_topk_nonzero: non-zero entries, of which only the k largest when there are more than k
     * (ties broken as the chain's stable ascending sort: the earlier index counts as smaller).
     */
    static void topKNonZero(final double[] x, final int k, final boolean[] out) {
        final int n = x.length;
        for (int i = 0; i < n; i++) {
            out[i] = x[i] != 0.0;
        }
        if (n <= k) { // the chain returns early for n < k; for n = k its loop clears none
            return;
        }
        for (int i = 0; i < n; i++) {
            int below = 0;
            for (int q = 0; q < n; q++) {
                if (x[q] < x[i] || (x[q] == x[i] && q < i)) {
                    below++;
                }
            }
            if (below < n - k) {
                out[i] = false;
            }
        }
    }
}
