package dtaosim.engine.rng;

/**
 * Counter-based uniform numbers: the SplitMix64 output function applied to the state
 * {@code seed + (index + 1) · γ}, γ = 0x9E3779B97F4A7C15 (Steele, Lea and Flood 2014; the numpy peer's
 * {@code u01}). A draw is a pure function of (seed, index), so any path's numbers can be had without
 * generating those of other paths, whatever the batch or shard it runs in.
 */
public final class CounterRng {
    /** SplitMix64's increment, the golden-ratio constant. */
    public static final long GAMMA = 0x9E3779B97F4A7C15L;
    /** First multiplier of the SplitMix64 finaliser. */
    public static final long MIX1 = 0xBF58476D1CE4E5B9L;
    /** Second multiplier of the SplitMix64 finaliser. */
    public static final long MIX2 = 0x94D049BB133111EBL;
    /** 2^-53: a 53-bit integer times this is a double in [0, 1). */
    public static final double UNIT = 0x1.0p-53;

    private CounterRng() {
    }

    /** The SplitMix64 state for draw {@code index} of the stream {@code seed} (wrapping arithmetic). */
    public static long state(final long seed, final long index) {
        return seed + (index + 1L) * GAMMA;
    }

    /** SplitMix64's output function (variant 13 of Stafford's mixers). */
    public static long mix(final long state) {
        long z = (state ^ (state >>> 30)) * MIX1;
        z = (z ^ (z >>> 27)) * MIX2;
        return z ^ (z >>> 31);
    }

    /** A double in [0, 1) from the top 53 bits of the mixed state. */
    public static double unit(final long state) {
        return (mix(state) >>> 11) * UNIT;
    }

    /** Draw {@code index} of stream {@code seed}, uniform in [0, 1). */
    public static double uniform(final long seed, final long index) {
        return unit(state(seed, index));
    }
}
