package dtaosim.engine.yuma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link SigmoidExp} against {@link Math#exp} over the sigmoid's clamped range. */
class SigmoidExpTest {

    @Test
    void shouldBeWithinTwoInTenToTheFourteenOfMathExpOnTheClampedRange() {
        final SplittableRandom rnd = new SplittableRandom(5);
        double worst = 0.0;
        for (int n = 0; n < 200_000; n++) {
            final double x = n < 4001 ? -20.0 + n * 0.01 : -20.0 + 40.0 * rnd.nextDouble();
            final double expected = Math.exp(x);
            worst = Math.max(worst, Math.abs(SigmoidExp.exp(x) - expected) / expected);
        }
        assertTrue(worst <= 2e-14, "worst relative error " + worst);
    }

    @Test
    void shouldBeExactWhereTheSeriesIsTrivial() {
        assertEquals(1.0, SigmoidExp.exp(0.0), 0.0);
        assertEquals(Math.exp(20.0), SigmoidExp.exp(20.0), 2e-14 * Math.exp(20.0));
        assertEquals(Math.exp(-20.0), SigmoidExp.exp(-20.0), 2e-14 * Math.exp(-20.0));
    }
}
