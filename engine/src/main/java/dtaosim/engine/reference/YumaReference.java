package dtaosim.engine.reference;

import dtaosim.engine.yuma.BondsMode;
import dtaosim.engine.yuma.YumaParams;
import java.util.Arrays;
import java.util.Comparator;

/**
 * A small, readable model of one Yuma epoch (mechanics §4) on matrices, written step by step from the spec and
 * subtensor's {@code epoch/run_epoch.rs :: epoch_mechanism}, used only to test {@code dtaosim.engine.yuma.YumaEpoch}.
 * The consensus is computed by sorting (the smallest score whose stake at or below it exceeds Σ stake − κ),
 * not by the chain's pivot search the kernel reproduces. Allocates freely.
 */
public final class YumaReference {
    private YumaReference() {
    }

    /**
     * What one epoch produces.
     *
     * @param incentive      I_j (normalised)
     * @param dividends      D_i (normalised)
     * @param consensus      C_j
     * @param validatorShare each validator's share of the validators' emission
     * @param permits        the new validator permits
     * @param bonds          the bonds as stored after the epoch
     */
    public record Result(double[] incentive, double[] dividends, double[] consensus, double[] validatorShare,
                         boolean[] permits, double[][] bonds) {
    }

    /**
     * One epoch.
     *
     * @param p        parameters
     * @param rawStake alpha + tw·root per validator
     * @param permits  last epoch's validator permits
     * @param active   whether each validator is active
     * @param weights  raw weights [validator][miner] (not changed)
     * @param bonds    stored bonds [validator][miner] (not changed)
     */
    public static Result epoch(final YumaParams p, final double[] rawStake, final boolean[] permits,
                               final boolean[] active, final double[][] weights, final double[][] bonds) {
        final int v = p.validators();
        final int m = p.miners();

        // S: threshold, normalise
        double[] stake = new double[v];
        for (int i = 0; i < v; i++) {
            stake[i] = rawStake[i] < p.stakeThreshold() ? 0.0 : rawStake[i];
        }
        stake = normalise(stake);

        // new permits: the top-k non-zero stakes
        final boolean[] newPermits = new boolean[v];
        final double[] st = stake;
        // the chain drops the n − k smallest in a stable ascending sort: among equals the later index survives
        final Integer[] ascending = new Integer[v];
        for (int i = 0; i < v; i++) {
            ascending[i] = i;
        }
        Arrays.sort(ascending, Comparator.comparingDouble(i -> st[i]));
        for (int rank = 0; rank < v; rank++) {
            final int i = ascending[rank];
            newPermits[i] = stake[i] != 0.0 && (v < p.maxAllowedValidators() || rank >= v - p.maxAllowedValidators());
        }

        // active stake
        double[] activeStake = new double[v];
        for (int i = 0; i < v; i++) {
            activeStake[i] = active[i] && permits[i] ? stake[i] : 0.0;
        }
        activeStake = normalise(activeStake);

        // W: mask unpermitted rows, row-normalise
        final double[][] w = new double[v][];
        for (int i = 0; i < v; i++) {
            w[i] = permits[i] ? normalise(weights[i].clone()) : new double[m];
        }

        // C: stake-weighted κ-quantile of each column over validators with active stake
        final double[] consensus = new double[m];
        for (int j = 0; j < m; j++) {
            consensus[j] = quantile(activeStake, column(w, j), p.kappa());
        }

        // W̄ = min(W, C); I = normalise(W̄ᵀ·S)
        final double[][] clipped = new double[v][m];
        double[] ranks = new double[m];
        for (int i = 0; i < v; i++) {
            for (int j = 0; j < m; j++) {
                clipped[i][j] = Math.min(w[i][j], consensus[j]);
                ranks[j] += clipped[i][j] * activeStake[i];
            }
        }
        final double[] incentive = normalise(ranks);

        // W_b = W + penalty·(W̄ − W)
        final double[][] wb = new double[v][m];
        for (int i = 0; i < v; i++) {
            for (int j = 0; j < m; j++) {
                wb[i][j] = w[i][j] + p.bondsPenalty() * (clipped[i][j] - w[i][j]);
            }
        }

        final double[][] newBonds = new double[v][m];
        double[] dividends = new double[v];
        final double alpha = p.bondsAlpha();
        if (p.bondsMode() == BondsMode.YUMA3) {
            final boolean liquid = p.liquidAlpha() && Arrays.stream(consensus).anyMatch(c -> c != 0.0);
            for (int i = 0; i < v; i++) {
                for (int j = 0; j < m; j++) {
                    if (liquid) {
                        final double a = sigmoidAlpha(p, consensus[j], wb[i][j], bonds[i][j]);
                        newBonds[i][j] = Math.min(1.0, (1 - a) * bonds[i][j] + Math.max(0.0, a * wb[i][j]));
                    } else {
                        newBonds[i][j] = alpha * wb[i][j] + (1 - alpha) * bonds[i][j];
                    }
                }
            }
            final double[][] normalised = columnNormalise(newBonds);
            for (int i = 0; i < v; i++) {
                double total = 0.0;
                for (int j = 0; j < m; j++) {
                    total += normalised[i][j] * incentive[j];
                }
                dividends[i] = total * activeStake[i];
            }
            dividends = normalise(dividends);
        } else {
            final double[][] old = columnNormalise(bonds);
            final double[][] delta = new double[v][m];
            for (int i = 0; i < v; i++) {
                for (int j = 0; j < m; j++) {
                    delta[i][j] = wb[i][j] * activeStake[i];
                }
            }
            final double[][] deltaNormalised = columnNormalise(delta);
            for (int i = 0; i < v; i++) {
                for (int j = 0; j < m; j++) {
                    newBonds[i][j] = alpha * deltaNormalised[i][j] + (1 - alpha) * old[i][j];
                }
            }
            final double[][] ema = columnNormalise(newBonds);
            for (int i = 0; i < v; i++) {
                for (int j = 0; j < m; j++) {
                    dividends[i] += ema[i][j] * incentive[j];
                }
            }
            dividends = normalise(dividends);
            // stored column max-upscaled
            for (int j = 0; j < m; j++) {
                double max = 0.0;
                for (int i = 0; i < v; i++) {
                    max = Math.max(max, ema[i][j]);
                }
                for (int i = 0; i < v; i++) {
                    newBonds[i][j] = max != 0.0 ? ema[i][j] / max : ema[i][j];
                }
            }
        }
        for (int i = 0; i < v; i++) {
            if (!newPermits[i]) {
                Arrays.fill(newBonds[i], 0.0);
            }
        }
        final double dividendSum = Arrays.stream(dividends).sum();
        final boolean anyActive = Arrays.stream(activeStake).anyMatch(x -> x != 0.0);
        final double[] share = dividendSum > 0.0 ? dividends.clone() : (anyActive ? activeStake : stake).clone();
        return new Result(incentive, dividends, consensus, share, newPermits, newBonds);
    }

    /** The smallest score whose stake (over entries with stake > 0, renormalised) at or below it exceeds 1 − κ. */
    static double quantile(final double[] stake, final double[] score, final double kappa) {
        final int n = stake.length;
        final Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        double total = 0.0;
        for (final double s : stake) {
            if (s > 0.0) {
                total += s;
            }
        }
        if (total == 0.0) {
            return 0.0;
        }
        final double minority = 1.0 - kappa;
        double below = 0.0;
        for (final int i : order) {
            if (stake[i] > 0.0) {
                below += stake[i] / total;
                if (below > minority) {
                    return score[i];
                }
            }
        }
        return 0.0;
    }

    private static double sigmoidAlpha(final YumaParams p, final double c, final double w, final double b) {
        final double buy = Math.min(1, Math.max(0, w - c));
        final double sell = Math.min(1, Math.max(0, b - w));
        final double diff = w >= b ? buy : sell;
        final double x = Math.min(20, Math.max(-20, -p.alphaSigmoidSteepness() / 100.0 * (diff - 0.5)));
        final double a = p.alphaLow() + (p.alphaHigh() - p.alphaLow()) / (1 + Math.exp(x));
        return Math.min(p.alphaHigh(), Math.max(p.alphaLow(), a));
    }

    private static double[] column(final double[][] m, final int j) {
        final double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i][j];
        }
        return c;
    }

    private static double[] normalise(final double[] x) {
        final double sum = Arrays.stream(x).sum();
        if (sum == 0.0) {
            return x;
        }
        final double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] / sum;
        }
        return out;
    }

    private static double[][] columnNormalise(final double[][] x) {
        final int v = x.length;
        final int m = v == 0 ? 0 : x[0].length;
        final double[][] out = new double[v][m];
        for (int j = 0; j < m; j++) {
            double sum = 0.0;
            for (int i = 0; i < v; i++) {
                sum += x[i][j];
            }
            for (int i = 0; i < v; i++) {
                out[i][j] = sum != 0.0 ? x[i][j] / sum : x[i][j];
            }
        }
        return out;
    }
}
