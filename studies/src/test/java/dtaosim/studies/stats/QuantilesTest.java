package dtaosim.studies.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Known answers from numpy 2.4.6: {@code np.quantile(np.array(values), QS)} (default method "linear"), printed
 * with {@code repr(float(x))} and pasted here. numpy's arithmetic is plain IEEE double, so the answers must match
 * to the bit.
 */
class QuantilesTest {
    private static final double[] QS = {0.0, 0.05, 0.25, 0.5, 0.95, 1.0, 1.0 / 3.0};

    @Test
    void oneValueShouldBeEveryQuantile() {
        assertArrayEquals(new double[] {3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5}, Quantiles.of(new double[] {3.5}, QS));
    }

    @Test
    void twoValuesShouldInterpolateLikeNumpy() {
        assertArrayEquals(new double[] {-1.0, -0.85, -0.25, 0.5, 1.8499999999999999, 2.0, 0.0},
                Quantiles.of(new double[] {2.0, -1.0}, QS));
    }

    @Test
    void unsortedValuesWithTiesShouldMatchNumpy() {
        assertArrayEquals(new double[] {-2.5, -1.94, 0.3, 0.3, 5.999999999999999, 7.25, 0.3},
                Quantiles.of(new double[] {0.3, -2.5, 7.25, 1.0, 0.3}, QS));
    }

    @Test
    void twentyValuesShouldMatchNumpy() {
        final double[] values = {13, 2, 8, 21, 5, 1, 34, 3, 55, 89, 144, 0.5, -7, 6, 9, 10, 11, 12, 14, 15};
        assertArrayEquals(new double[] {-7.0, 0.1250000000000005, 4.5, 10.5, 91.75000000000004, 144.0,
            6.666666666666666}, Quantiles.of(values, QS));
    }

    /**
     * At q = 0.95 of these seven values numpy gives 8.090382374838397, interpolating back from the upper order
     * statistic (t = 0.7 ≥ 0.5); the forward formula a + (b − a)·t would give 8.090382374838395.
     */
    @Test
    void interpolationShouldStartFromTheNearerOrderStatisticAsNumpyDoes() {
        final double[] values = {-7.582200803883872, -3.3460962927974176, 4.429688151665367, 4.223835393905592,
            8.728811735989193, -1.5578600007716954, 6.60071386548654};
        assertArrayEquals(new double[] {-7.582200803883872, -6.311369450557935, -2.4519781467845565,
            4.223835393905592, 8.090382374838397, 8.728811735989193, -1.5578600007716954},
                Quantiles.of(values, QS));
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final double forward = sorted[5] + (sorted[6] - sorted[5]) * (6 * 0.95 - 5);
        assertNotEquals(forward, Quantiles.ofSorted(sorted, 0.95), "the case tells the two formulas apart");
    }

    @Test
    void ofSortedShouldAgreeWithOfOnSortedInput() {
        final double[] sorted = {-7, 0.5, 1, 2, 3, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 21, 34, 55, 89, 144};
        final double[] expected = Quantiles.of(sorted, QS);
        for (int k = 0; k < QS.length; k++) {
            assertEquals(expected[k], Quantiles.ofSorted(sorted, QS[k]), "q = " + QS[k]);
        }
    }

    @Test
    void inputShouldNotBeReordered() {
        final double[] values = {0.3, -2.5, 7.25, 1.0, 0.3};
        Quantiles.of(values, 0.5);
        assertArrayEquals(new double[] {0.3, -2.5, 7.25, 1.0, 0.3}, values);
    }

    @Test
    void emptySampleShouldBeRejected() {
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[0], 0.5));
    }

    @Test
    void quantileOutsideZeroOneOrNaNShouldBeRejected() {
        final double[] values = {1.0, 2.0};
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(values, -0.01));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(values, 1.01));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(values, Double.NaN));
    }
}
