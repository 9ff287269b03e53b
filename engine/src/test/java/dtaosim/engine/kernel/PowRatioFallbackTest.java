package dtaosim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * safe-bigmath's fixed-point fallback of {@code pow_ratio_scaled} (exponents whose reduced terms exceed 1024),
 * which the weighted pool's swaps and limit maths call: the crate's own test values, and values of the crate
 * itself (013c4998, compiled from its source for the independent check of {@code quote --rao}) where its
 * exponential series stops before converging and returns far more than the true power.
 */
class PowRatioFallbackTest {
    private static final BigInteger PERQUINTILL = BigInteger.TEN.pow(18);

    @ParameterizedTest(name = "({0}/{1})^({2}/{3}) at precision {4}")
    @CsvSource({
        // integer.rs pow_ratio_scaled_handles_large_weight_denominators
        "21000000000000000, 21000000000000100, 499999999999500000, 500000000000500000, 256, 999999999999995238",
        "21000000000000000, 21000000000000100, 500000000000250000, 499999999999750000, 256, 999999999999995238",
        // integer.rs pow_ratio_scaled_converges_on_boundary_weights
        "21000000000000000, 21000000000000001, 499999999500000000, 500000000500000000, 256, 999999999999999952",
        // the crate beyond convergence: the true powers are below 1e-59 (floor 0)
        "1000000000000, 581000000000000, 959800000000000000, 40200000000000000, 256, 831058558048338451",
        "77208549060, 5334778136606, 970140000000000000, 29860000000000000, 256, 2",
        // beyond u64 (exp_scaled then reads it as 0, WeightedPoolRao)
        "1000000000000, 1001000000000000, 970140000000000000, 29860000000000000, 256, 1428463088252207450922750522023877"
            + "433041799270556528652732286354305378507855828772679173",
        // a limit's delta: (p'/p)^w1 at precision 1024, w1 = 0.0443
        "92706916000000000000000, 1000000000000000000000, 44300000000000000, 1000000000000000000, 1024,"
            + " 1222202218038526528",
        // integer.rs pow_ratio_scaled_uses_scale_to_pick_precision's operands
        "123456789, 987654321, 987654321123456789, 123456789987654321, 256, 59604639203",
    })
    void fallbackShouldGiveTheCratesValue(final String num, final String den, final String expNum,
                                         final String expDen, final int precision, final String expected) {
        assertEquals(new BigInteger(expected), PowRatio.floorScaledPow(new BigInteger(num), new BigInteger(den),
                new BigInteger(expNum), new BigInteger(expDen), precision, PERQUINTILL));
    }
}
