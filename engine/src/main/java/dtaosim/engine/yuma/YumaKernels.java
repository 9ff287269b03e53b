package dtaosim.engine.yuma;

/**
 * The epoch's loops over a weight matrix (mechanics §4), scalar or with the Vector API; every implementation
 * gives the same doubles (element-wise operations in the same order, no fused multiply-add), and tests hold them
 * to the bit. A workspace: one per {@link YumaEpoch}.
 *
 * <p>{@link #quantiles}: the consensus of every miner column (subtensor {@code epoch/math.rs ::
 * weighted_median_col_sparse} and {@code weighted_median}): for column j the smallest weight x in the column
 * whose stake at or below it, {@code S_j(x) = Σ_k stake_k·[w_kj ≤ x]}, exceeds {@code minority}; the largest
 * weight when none does (κ = 0, where the chain's selection ends on its last pivot), 0 without rows. The chain
 * finds this value by a mid-pivot selection whose partial sums are exact in fixed point; here S is always summed
 * over the rows in their given order, so every implementation, however it orders the candidates, returns the
 * same double. The weights must be ≥ 0 (the Vector API twin sorts their bit patterns as integers).
 */
public interface YumaKernels {

    /**
     * Writes the κ-quantile of each column to {@code out[0, miners)}.
     *
     * @param w        weights {@code w[i·miners + j]}
     * @param miners   columns M
     * @param rows     the rows taking part, {@code rows[0, used)}
     * @param stake    their stakes, {@code stake[0, used)} (normalised, > 0)
     * @param used     rows taking part
     * @param minority {@code Σ stake − κ}
     * @param out      the consensus per column
     */
    void quantiles(double[] w, int miners, int[] rows, double[] stake, int used, double minority, double[] out);

    /**
     * One validator's row of clipping and ranks (math.rs :: col_clip_sparse, matmul_sparse): for j ∈ [0, m)
     * {@code ranks[j] += min(w[row + j], consensus[j])·stake} and {@code unclipped[j] += w[row + j]·stake}.
     */
    void clipAndRank(double[] w, int row, double[] consensus, double stake, double[] ranks, double[] unclipped,
                     int m);

    /**
     * One validator's row of Yuma3 bonds by a fixed EMA (run_epoch.rs :: compute_bonds_sparse, math.rs ::
     * mat_ema_sparse): {@code wb = w + penalty·(min(w, C) − w)}, {@code b ← alpha·wb + (1 − alpha)·b},
     * {@code columnSum[j] += b}.
     */
    void bondRow(double[] w, int row, double[] consensus, double penalty, double alpha, double[] bonds, int bondRow,
                 double[] columnSum, int m);

    /**
     * One validator's row of Yuma3 bonds with liquid alpha (run_epoch.rs :: compute_liquid_alpha_values,
     * alpha_sigmoid, mat_ema_alpha): per bond α = clamp(low + (high − low)·σ, low, high) with σ = 1/(1 + e^x),
     * {@code x = clamp(steepness/−100·(d − 0.5), ±20)}, d = clamp(W_b − C, 0, 1) when W_b ≥ B else
     * clamp(B − W_b, 0, 1); {@code B ← min(1, (1 − α)·B + max(0, α·W_b))}; {@code columnSum[j] += B}.
     * e^x is {@link SigmoidExp#exp}.
     */
    void liquidBondRow(double[] w, int row, double[] consensus, double penalty, double low, double high,
                       double steepness, double[] bonds, int bondRow, double[] columnSum, int m);

    /**
     * Classic bonds, first pass over one row (run_epoch.rs, classic branch): {@code oldSum[j] += B_ij} and
     * {@code deltaSum[j] += W_b·stake} with {@code W_b = w + penalty·(min(w, C) − w)}.
     */
    void classicSums(double[] w, int row, double[] consensus, double penalty, double stake, double[] bonds,
                     int bondRow, double[] oldSum, double[] deltaSum, int m);

    /**
     * Classic bonds, second pass over one row: {@code B_ij ← alpha·(W_b·stake·deltaFactor[j])
     * + (1 − alpha)·(B_ij·oldFactor[j])}, {@code newSum[j] += B_ij} (the factors are reciprocal column sums).
     */
    void classicBondRow(double[] w, int row, double[] consensus, double penalty, double stake, double alpha,
                        double[] bonds, int bondRow, double[] oldFactor, double[] deltaFactor, double[] newSum,
                        int m);

    /** {@code x[from + j] *= factor[j]} and {@code max[j] = max(max[j], x[from + j])} for j ∈ [0, m). */
    void scaleAndMax(double[] x, int from, double[] factor, double[] max, int m);

    /**
     * {@code Σ x[from + j]} over j ∈ [0, n) in eight partial sums, the k-th over j ≡ k (mod 8) in increasing j,
     * combined as {@code ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))}: the order is fixed, so it does not
     * depend on the vector width, and its eight chains of additions do not wait on each other.
     */
    double sum(double[] x, int from, int n);

    /** {@code Σ x[from + j]·y[j]} over j ∈ [0, n), in the partial sums and order of {@link #sum}. */
    double dot(double[] x, int from, double[] y, int n);

    /** The plain-Java implementation, for up to {@code validators} rows and {@code miners} columns. */
    static YumaKernels scalar(final int validators, final int miners) {
        return new ScalarYumaKernels(validators, miners);
    }

    /**
     * The Vector API implementation, for up to {@code validators} rows and {@code miners} columns, when this JVM
     * has {@code jdk.incubator.vector} (and {@code -Ddtaosim.kernels=scalar} is not set), else {@link #scalar};
     * both give the same numbers.
     */
    static YumaKernels best(final int validators, final int miners) {
        if ("scalar".equals(System.getProperty("dtaosim.kernels"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return scalar(validators, miners);
        }
        try {
            final Class<?> type = Class.forName("dtaosim.engine.simd.VectorYumaKernels");
            return (YumaKernels) type.getConstructor(int.class, int.class).newInstance(validators, miners);
        } catch (ReflectiveOperationException | LinkageError e) {
            return scalar(validators, miners);
        }
    }
}
