package dtaosim.engine.yuma;

import dtaosim.engine.rng.CounterRng;

/**
 * The validators' weight rows (see {@link ValidatorRole}) and the miners' quality, for one path of one subnet.
 * Draws are counter-keyed by (seed, purpose, global path, subnet slot, block), so a path's numbers do not depend
 * on the batch it runs in nor on the thread.
 */
final class WeightSetters {
    /** Stream purposes. */
    static final long HONEST_NOISE = 0x59554D41_00000001L;
    /** See {@link #HONEST_NOISE}. */
    static final long QUALITY_START = 0x59554D41_00000002L;
    /** See {@link #HONEST_NOISE}. */
    static final long QUALITY_STEP = 0x59554D41_00000003L;
    private static final double SQRT3 = Math.sqrt(3.0);

    private WeightSetters() {
    }

    /** The stream of one (purpose, path, subnet slot, block). */
    static long stream(final long seed, final long purpose, final long globalPath, final int slot, final long block) {
        long key = CounterRng.mix(seed ^ purpose);
        key = CounterRng.mix(key + (globalPath + 1) * CounterRng.GAMMA);
        key = CounterRng.mix(key + (slot + 1L) * CounterRng.MIX1);
        return CounterRng.mix(key + (block + 1) * CounterRng.MIX2);
    }

    /** A standard normal draw (Box–Muller on draws 2k and 2k + 1; StrictMath so intrinsics do not matter). */
    static double gaussian(final long stream, final long k) {
        final double u1 = 1.0 - CounterRng.uniform(stream, 2 * k);
        final double u2 = CounterRng.uniform(stream, 2 * k + 1);
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /** Honest row: quality·max(0, 1 + noise·√3·(2u − 1)) on miners from {@code from}; over-raters scale theirs. */
    static void honest(final double[] w, final int row, final double[] quality, final int from, final int miners,
                       final double noise, final long stream, final long counter, final int ratedFrom,
                       final int ratedTo, final double rating) {
        for (int j = from; j < miners; j++) {
            final double u = CounterRng.uniform(stream, counter + j);
            w[row + j] = quality[j] * Math.max(0.0, 1.0 + noise * SQRT3 * (2.0 * u - 1.0));
        }
        for (int j = ratedFrom; j < ratedTo; j++) {
            w[row + j] *= rating;
        }
    }

    /** Holdings-scorer row: each miner's alpha holdings (uniform while nobody holds any). */
    static void holdings(final double[] w, final int row, final double[] holdings, final int hOff, final int from,
                         final int miners) {
        double total = 0.0;
        for (int j = from; j < miners; j++) {
            w[row + j] = holdings[hOff + j];
            total += holdings[hOff + j];
        }
        if (!(total > 0.0)) {
            uniform(w, row, from, miners);
        }
    }

    /** Uniform weights on miners from {@code from}. */
    static void uniform(final double[] w, final int row, final int from, final int miners) {
        for (int j = from; j < miners; j++) {
            w[row + j] = 1.0;
        }
    }

    /**
     * The owner's share: the row's weights on miners from {@code ownerMiners} scaled to {@code 1 − ownerWeight},
     * each owner miner {@code ownerWeight / ownerMiners}.
     */
    static void withOwnerShare(final double[] w, final int row, final int ownerMiners, final double ownerWeight,
                               final int miners) {
        if (ownerMiners == 0) {
            return;
        }
        double total = 0.0;
        for (int j = ownerMiners; j < miners; j++) {
            total += w[row + j];
        }
        final double scale = total > 0.0 ? (1.0 - ownerWeight) / total : 0.0;
        for (int j = ownerMiners; j < miners; j++) {
            w[row + j] *= scale;
        }
        final double each = total > 0.0 ? ownerWeight / ownerMiners : 1.0 / ownerMiners;
        for (int j = 0; j < ownerMiners; j++) {
            w[row + j] = each;
        }
    }
}
