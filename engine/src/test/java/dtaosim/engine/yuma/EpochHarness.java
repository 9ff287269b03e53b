package dtaosim.engine.yuma;

import java.util.Arrays;

/**
 * Drives {@link YumaEpoch} the way subtensor's epoch tests drive the pallet: weights stay set until a validator
 * sets new ones, and between epochs bonds are stored as the chain stores them (u16: {@code floor(x·65535)}),
 * so that each epoch starts from what the chain would read back.
 */
final class EpochHarness {
    final YumaParams params;
    final YumaEpoch epoch;
    final double[] stake;
    final boolean[] permit;
    final boolean[] active;
    final double[] bonds;
    private final double[][] weights;

    EpochHarness(final YumaParams params, final double... stake) {
        this.params = params;
        this.epoch = new YumaEpoch(params);
        this.stake = stake.clone();
        this.permit = new boolean[params.validators()];
        this.active = new boolean[params.validators()];
        Arrays.fill(active, true);
        this.bonds = new double[params.validators() * params.miners()];
        this.weights = new double[params.validators()][params.miners()];
    }

    /** set_weights: validator {@code i}'s whole row (u16 values as the chain stores them). */
    EpochHarness setWeights(final int i, final double... row) {
        weights[i] = row.clone();
        return this;
    }

    /** Every validator sets the same row. */
    EpochHarness setAllWeights(final double... row) {
        for (int i = 0; i < weights.length; i++) {
            setWeights(i, row);
        }
        return this;
    }

    /** Runs an epoch and stores the bonds as u16. */
    EpochHarness run() {
        final int m = params.miners();
        for (int i = 0; i < weights.length; i++) {
            System.arraycopy(weights[i], 0, epoch.weights(), i * m, m);
        }
        epoch.run(stake, 0, permit, active, bonds, 0);
        for (int k = 0; k < bonds.length; k++) {
            bonds[k] = Math.floor(bonds[k] * 65_535.0) / 65_535.0;
        }
        return this;
    }

    /** The stored bond of validator i on miner j as the chain's u16. */
    int bondU16(final int i, final int j) {
        return (int) Math.round(bonds[i * params.miners() + j] * 65_535.0);
    }

    /** The stored bond as a fixed proportion. */
    double bond(final int i, final int j) {
        return bonds[i * params.miners() + j];
    }

    /** Dividends of validator i as the chain stores them (u16). */
    int dividendU16(final int i) {
        return (int) Math.floor(epoch.dividends()[i] * 65_535.0);
    }

    /** Dividends as read back: u16 / 65535. */
    double dividend(final int i) {
        return dividendU16(i) / 65_535.0;
    }

    /**
     * The epoch's emission of a neuron that is validator row {@code i} (or -1) and miner column {@code j} (or -1),
     * of {@code total} rao: (I_j + D_i)/(ΣI + ΣD)·total, or its share of stake when nothing was earned; floored
     * to whole rao as the chain's {@code saturating_to_num::<u64>}.
     */
    double emissionRao(final int i, final int j, final double total) {
        final double sum = epoch.incentiveSum() + epoch.dividendSum();
        if (sum == 0.0) {
            return i < 0 ? 0.0 : Math.floor(epoch.validatorShare()[i] * total);
        }
        final double inc = j < 0 ? 0.0 : epoch.incentive()[j];
        final double div = i < 0 ? 0.0 : epoch.dividends()[i];
        return Math.floor((inc + div) / sum * total);
    }
}
