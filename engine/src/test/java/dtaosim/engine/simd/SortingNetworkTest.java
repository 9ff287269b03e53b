package dtaosim.engine.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sorting networks of {@link VectorYumaKernels}, replayed on plain arrays: Batcher's network (the kernel's
 * for fewer than 8 rows, and written out for blocks of 8) sorts any input, and the bitonic merge levels, each its
 * pairs in memory then the half-cleaners of {@link VectorYumaKernels#CLEAN_PAIRS} on every block of 8, sort any
 * input whose blocks of 8 are sorted. 0/1 inputs (the zero-one principle) and random values, 1 to 512 rows.
 */
class SortingNetworkTest {

    @Test
    void batchersNetworkShouldHaveItsKnownSizes() {
        // (b² − b + 4)·2^(b−2) − 1 comparators for n = 2^b
        assertEquals(19, VectorYumaKernels.oddEvenMergeSort(8, 1).length / 2);
        assertEquals(63, VectorYumaKernels.oddEvenMergeSort(16, 1).length / 2);
        assertEquals(543, VectorYumaKernels.oddEvenMergeSort(64, 1).length / 2);
    }

    @Test
    void networksShouldSortEveryInputTheKernelGivesThem() {
        final SplittableRandom rnd = new SplittableRandom(9);
        for (int n = 1; n <= 512; n <<= 1) {
            for (int trial = 0; trial < 300; trial++) {
                final long[] x = new long[n];
                final boolean zeroOne = trial % 2 == 0;
                for (int i = 0; i < n; i++) {
                    x[i] = zeroOne ? rnd.nextInt(2) : rnd.nextLong(1000);
                }
                final long[] expected = x.clone();
                Arrays.sort(expected);
                assertArrayEquals(expected, apply(VectorYumaKernels.oddEvenMergeSort(n, 1), x.clone(), 0),
                        "Batcher's network, n = " + n);
                if (n >= 8) {
                    final long[] y = x.clone();
                    for (int b = 0; b < n; b += 8) {
                        Arrays.sort(y, b, b + 8); // as sortEightRows leaves them
                    }
                    for (int p = 8; p < n; p *= 2) {
                        apply(VectorYumaKernels.bitonicMergePairs(n, p, 1), y, 0);
                        for (int b = 0; b < n; b += 8) {
                            apply(VectorYumaKernels.CLEAN_PAIRS, y, b);
                        }
                    }
                    assertArrayEquals(expected, y, "bitonic merges above blocks of 8, n = " + n);
                }
            }
        }
    }

    private static long[] apply(final int[] pairs, final long[] x, final int base) {
        for (int c = 0; c < pairs.length; c += 2) {
            final long a = x[base + pairs[c]];
            final long b = x[base + pairs[c + 1]];
            x[base + pairs[c]] = Math.min(a, b);
            x[base + pairs[c + 1]] = Math.max(a, b);
        }
        return x;
    }
}
