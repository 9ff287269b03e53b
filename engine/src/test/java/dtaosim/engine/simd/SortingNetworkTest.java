package dtaosim.engine.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The comparator lists of {@link VectorYumaKernels#oddEvenMergeSort}: the whole network sorts any input (0/1
 * inputs by the zero-one principle, plus random values), and the list from merge level 8 on sorts any input
 * whose blocks of 8 are sorted, as the kernel's register-sorted blocks are.
 */
class SortingNetworkTest {

    @Test
    void batchersNetworkShouldHaveItsKnownSizes() {
        // (b² − b + 4)·2^(b−2) − 1 comparators for n = 2^b
        assertEquals(19, VectorYumaKernels.oddEvenMergeSort(8, 1, 1).length / 2);
        assertEquals(63, VectorYumaKernels.oddEvenMergeSort(16, 1, 1).length / 2);
        assertEquals(543, VectorYumaKernels.oddEvenMergeSort(64, 1, 1).length / 2);
        assertEquals(0, VectorYumaKernels.oddEvenMergeSort(8, 8, 1).length);
        assertEquals(543 - 8 * 19, VectorYumaKernels.oddEvenMergeSort(64, 8, 1).length / 2);
    }

    @Test
    void networksShouldSortEveryInputTheKernelGivesThem() {
        final SplittableRandom rnd = new SplittableRandom(9);
        for (int n = 1; n <= 512; n <<= 1) {
            final int[] whole = VectorYumaKernels.oddEvenMergeSort(n, 1, 1);
            final int[] merges = VectorYumaKernels.oddEvenMergeSort(n, n >= 8 ? 8 : 1, 1);
            for (int trial = 0; trial < 300; trial++) {
                final long[] x = new long[n];
                final boolean zeroOne = trial % 2 == 0;
                for (int i = 0; i < n; i++) {
                    x[i] = zeroOne ? rnd.nextInt(2) : rnd.nextLong(1000);
                }
                final long[] expected = x.clone();
                Arrays.sort(expected);
                assertArrayEquals(expected, apply(whole, x.clone()), "whole network, n = " + n);
                final long[] blocks = x.clone();
                if (n >= 8) {
                    for (int b = 0; b < n; b += 8) {
                        Arrays.sort(blocks, b, b + 8);
                    }
                }
                assertArrayEquals(expected, apply(merges, blocks), "merges above blocks of 8, n = " + n);
            }
        }
    }

    private static long[] apply(final int[] pairs, final long[] x) {
        for (int c = 0; c < pairs.length; c += 2) {
            final long a = x[pairs[c]];
            final long b = x[pairs[c + 1]];
            x[pairs[c]] = Math.min(a, b);
            x[pairs[c + 1]] = Math.max(a, b);
        }
        return x;
    }
}
