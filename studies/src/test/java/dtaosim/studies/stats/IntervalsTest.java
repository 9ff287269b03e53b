package dtaosim.studies.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Wilson and t intervals against values computed independently (by hand from the formulas, and published). */
class IntervalsTest {
    @Test
    void wilsonShouldMatchNewcombesWorkedExample() {
        // Newcombe (1998), Statistics in Medicine 17:857, Table I: 81/263 -> 0.2553 to 0.3662
        final double[] ci = Intervals.wilson(81, 263);
        assertEquals(0.2553, ci[0], 5e-5);
        assertEquals(0.3662, ci[1], 5e-5);
    }

    @Test
    void wilsonShouldNotCollapseAtZeroOrAllSuccesses() {
        // 0/10: upper = z²/n / (1 + z²/n) = 3.8415/10 / 1.38415 = 0.27753
        final double[] none = Intervals.wilson(0, 10);
        assertEquals(0.0, none[0], 0.0);
        final double z2 = Intervals.Z95 * Intervals.Z95;
        assertEquals(z2 / 10 / (1 + z2 / 10), none[1], 1e-12);
        assertEquals(0.27753, none[1], 5e-6);
        final double[] all = Intervals.wilson(10, 10);
        assertEquals(1.0 - none[1], all[0], 1e-12);
        assertEquals(1.0, all[1], 0.0);
    }

    @Test
    void wilsonOfHalfShouldBeSymmetric() {
        // 5/10: centre 0.5, half = z·sqrt(0.025 + z²/400) / (1 + z²/10) = 0.26340
        final double[] ci = Intervals.wilson(5, 10);
        final double z = Intervals.Z95;
        final double half = z * Math.sqrt(0.025 + z * z / 400) / (1 + z * z / 10);
        assertArrayEquals(new double[] {0.5 - half, 0.5 + half}, ci, 1e-12);
        assertEquals(0.2366, ci[0], 5e-5);
    }

    @Test
    void meanIntervalShouldUseStudentT() {
        // 1..5: mean 3, s = sqrt(2.5), t(4) = 2.776445 -> half-width 1.96324
        final double[] m = Intervals.mean(new double[] {1, 2, 3, 4, 5});
        assertEquals(3.0, m[0], 0.0);
        assertEquals(3.0 - 2.77645 * Math.sqrt(2.5 / 5), m[1], 1e-9);
        assertEquals(1.96324, m[2] - m[0], 1e-5);
    }

    @Test
    void badProportionsShouldBeRefused() {
        assertThrows(IllegalArgumentException.class, () -> Intervals.wilson(3, 2));
        assertThrows(IllegalArgumentException.class, () -> Intervals.wilson(0, 0));
    }
}
