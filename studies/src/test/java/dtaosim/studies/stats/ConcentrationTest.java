package dtaosim.studies.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Gini, HHI and top-k share against the pairwise definitions, computed by brute force or by hand. */
class ConcentrationTest {
    /** Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n Σ x), the definition, in O(n²). */
    private static double giniByPairs(final double[] x) {
        double pairs = 0.0;
        double total = 0.0;
        for (final double a : x) {
            total += a;
            for (final double b : x) {
                pairs += Math.abs(a - b);
            }
        }
        return pairs / (2 * x.length * total);
    }

    @Test
    void giniShouldMatchHandComputedCases() {
        assertEquals(0.0, Concentration.gini(new double[] {1, 1, 1, 1}, 4), 1e-15);
        assertEquals(0.75, Concentration.gini(new double[] {0, 0, 1, 0}, 4), 1e-15);
        assertEquals(0.25, Concentration.gini(new double[] {4, 1, 3, 2}, 4), 1e-15);
    }

    @Test
    void giniShouldMatchThePairwiseDefinition() {
        final java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 50; trial++) {
            final double[] x = new double[1 + random.nextInt(40)];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextDouble() * random.nextDouble();
            }
            final double expected = giniByPairs(x);
            assertEquals(expected, Concentration.gini(x.clone(), x.length), 1e-12);
        }
    }

    @Test
    void giniShouldUseOnlyTheFirstNEntries() {
        assertEquals(0.0, Concentration.gini(new double[] {2, 2, 100}, 2), 1e-15);
    }

    @Test
    void hhiShouldSumSquaredShares() {
        assertEquals(0.375, Concentration.hhi(new double[] {1, 1, 2}, 3), 1e-15);
        assertEquals(0.25, Concentration.hhi(new double[] {3, 3, 3, 3}, 4), 1e-15);
        assertEquals(0.0, Concentration.hhi(new double[] {0, 0}, 2), 0.0);
    }

    @Test
    void topShareShouldTakeTheLargest() {
        assertEquals(0.8, Concentration.topShare(new double[] {5, 1, 3, 1}, 4, 2), 1e-15);
        assertEquals(1.0, Concentration.topShare(new double[] {5, 1}, 2, 10), 1e-15);
    }
}
