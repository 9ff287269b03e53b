package dtaosim.engine.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Known answers for the counter stream. The u01 values were computed once with the numpy peer's own
 * {@code u01_py(seed, idx)} ({@code shared/peers/dtao_numpy.py}, Python integers, so exact) and are stored here;
 * the raw SplitMix64 outputs are those of Vigna's reference {@code splitmix64.c} seeded with 0.
 */
class CounterRngTest {
    /** {seed, index, u01_py(seed, index)}; seeds are the unsigned 64-bit values the peer used. */
    private static final Object[][] PEER_U01 = {
        {0L, 0L, 0.8833108082136426},
        {0L, 1L, 0.43152799704850997},
        {20250215L, 0L, 0.7876764446255689},
        {20250215L, 12345L, 0.13474525294350703},
        {20250215L ^ 0xABCDEFL, 7L, 0.21669809976207832}, // the pump's rate stream of the peer's default seed
        {-1L, 3L, 0.4262344494451664},                       // seed 2^64 − 1
        {42L, 1_000_000_000_000L, 0.18686934642406716},
    };

    @Test
    void uniformShouldReproduceThePeersU01() {
        for (final Object[] row : PEER_U01) {
            final long seed = (Long) row[0];
            final long index = (Long) row[1];
            final double expected = (Double) row[2];
            assertEquals(expected, CounterRng.uniform(seed, index), 0.0, "u01(" + seed + ", " + index + ")");
        }
    }

    @Test
    void mixShouldReproduceSplitMix64SeededWithZero() {
        // splitmix64.c with x = 0: next() returns 0xE220A8397B1DCDAF, then 0x6E789E6AA1B965F4
        assertEquals(0xE220A8397B1DCDAFL, CounterRng.mix(CounterRng.state(0L, 0L)));
        assertEquals(0x6E789E6AA1B965F4L, CounterRng.mix(CounterRng.state(0L, 1L)));
    }

    @Test
    void uniformShouldStayInTheUnitInterval() {
        for (long index = 0; index < 100_000; index++) {
            final double u = CounterRng.uniform(20250215L, index);
            assertTrue(u >= 0.0 && u < 1.0, "draw " + index + " = " + u);
        }
    }
}
