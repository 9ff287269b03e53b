package dtaosim.studies.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cost-to-capture reading of a probability-against-capital curve. */
class MemeCaptureStudyTest {
    private static final double[] CAPITAL = {1000, 2000, 4000, 8000};

    @Test
    void capitalShouldBeInterpolatedBetweenGridPoints() {
        final double[] p = {0.0, 0.2, 0.6, 1.0};
        assertEquals(3000.0, MemeCaptureStudy.capitalFor(CAPITAL, p, 0.4), 1e-9);
        assertEquals(1500.0, MemeCaptureStudy.capitalFor(CAPITAL, p, 0.1), 1e-9);
        assertEquals(8000.0, MemeCaptureStudy.capitalFor(CAPITAL, p, 1.0), 1e-9);
    }

    @Test
    void theFirstCrossingShouldCountAndAnUnreachedTargetIsNaN() {
        final double[] p = {0.6, 0.4, 0.7, 0.8};
        assertEquals(1000.0, MemeCaptureStudy.capitalFor(CAPITAL, p, 0.5), 0.0);
        assertTrue(Double.isNaN(MemeCaptureStudy.capitalFor(CAPITAL, p, 0.9)));
    }

    @Test
    void aCurveThatFallsBackBelowTheTargetShouldBeFound() {
        // sn28-2025-02's 1 % threshold: 2.5 %, 98.5 %, 0.25 %, 0, 0 of paths at 750 … 12,000 TAO
        assertEquals(2, MemeCaptureStudy.fallsBelowAfterReaching(new double[] {0.025, 0.985, 0.0025, 0, 0}, 0.5));
        assertEquals(-1, MemeCaptureStudy.fallsBelowAfterReaching(new double[] {0.1, 0.4, 0.6, 0.9}, 0.5));
        assertEquals(-1, MemeCaptureStudy.fallsBelowAfterReaching(new double[] {0.1, 0.4, 0.45, 0.2}, 0.5));
        assertEquals(3, MemeCaptureStudy.fallsBelowAfterReaching(new double[] {0.6, 0.5, 0.7, 0.49}, 0.5));
    }
}
