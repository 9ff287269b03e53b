package dtaosim.studies.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.model.Network;
import dtaosim.studies.reference.ReferenceWorkload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The log-spaced profile against the numpy peer's {@code initial_state(N)} (shared/peers/dtao_numpy.py), written
 * out here as the peer writes it: {@code tao = 1000·10^(2·(1 − i/(N−1)))}, {@code price = 1.4·tao/Σtao},
 * {@code alpha_in = alpha_out = tao/price}, {@code moving price = price}.
 */
class LogSpacedPoolsTest {
    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 3, 8, 33, 128, 400, 4096})
    void referenceProfileShouldEqualThePeersInitialStateBitForBit(final int n) {
        final double[] tao = new double[n];
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            tao[i] = 1000.0 * Math.pow(10.0, 2.0 * (1.0 - (double) i / (n - 1)));
            sum += tao[i];
        }
        final double[] price = new double[n];
        final double[] alpha = new double[n];
        for (int i = 0; i < n; i++) {
            price[i] = 1.4 * tao[i] / sum;
            alpha[i] = tao[i] / price[i];
        }
        final Network network = new LogSpacedPools(n, 100_000, 1_000, 1.4).network(3e6, 0.0);
        assertArrayEquals(tao, network.taoReserve());
        assertArrayEquals(alpha, network.alphaIn());
        assertArrayEquals(alpha, network.alphaOut());
        assertArrayEquals(price, network.movingPrice());
        assertArrayEquals(new long[n], network.firstEmissionBlock());
        assertEquals(3e6, network.rootStakeTao());
        assertEquals(new ReferenceWorkload(1, n, 1, 0, 360, 1, 3e-6, 0.18, 3e6, 0, 0, 0).network(), network);
    }

    @Test
    void otherDepthsShouldSpanMaxToMinWithPricesSummingToPriceSum() {
        final Network network = new LogSpacedPools(5, 50_000, 500, 0.8).network(0, 0);
        assertEquals(50_000, network.taoReserve()[0], 1e-9);
        assertEquals(500, network.taoReserve()[4], 1e-9);
        assertEquals(5_000, network.taoReserve()[2], 1e-9); // the log-midpoint
        double sum = 0;
        for (final double p : network.movingPrice()) {
            sum += p;
        }
        assertEquals(0.8, sum, 1e-15);
    }

    @Test
    void oneSubnetShouldHoldMaxTao() {
        final Network network = new LogSpacedPools(1, 7_000, 7_000, 0.5).network(0, 0);
        assertEquals(7_000, network.taoReserve()[0]);
        assertEquals(0.5, network.movingPrice()[0]);
    }

    @Test
    void badProfilesShouldNameTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LogSpacedPools(0, 1, 1, 1))
                .getMessage().startsWith("count: 0 is not in [1, 4096]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LogSpacedPools(2, 10, 20, 1))
                .getMessage().startsWith("minTao:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LogSpacedPools(2, 10, 1, 0))
                .getMessage().startsWith("priceSum:"));
    }
}
