package dtaosim.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parameters the chain stores as integers (blocks, subnets, a fee count out of 65535, a flag) take whole values only. */
class ParameterTest {
    static final Set<Parameter> WHOLE = EnumSet.of(Parameter.EMA_PRICE_HALVING_BLOCKS,
            Parameter.NET_TAO_FLOW_ENABLED, Parameter.TEMPO, Parameter.FEE_RATE, Parameter.LAST_LOCK_AGE,
            Parameter.LOCK_REDUCTION_INTERVAL,
            Parameter.NETWORK_RATE_LIMIT, Parameter.SUBNET_LIMIT, Parameter.IMMUNITY_PERIOD,
            Parameter.START_CALL_DELAY);

    @Test
    void theWholeParametersAreTheChainsIntegers() {
        assertEquals(WHOLE, EnumSet.copyOf(java.util.Arrays.stream(Parameter.values()).filter(Parameter::whole)
                .toList()));
    }

    @ParameterizedTest
    @EnumSource(Parameter.class)
    void aFractionShouldBeRefusedExactlyForTheWholeOnes(final Parameter p) {
        // a value inside the range with a fraction: the range's lower end plus 1.5 (0.5 for a flag)
        final double low = Math.max(p.min(), 0.0);
        final double value = low + (p.max() - low >= 2.0 ? 1.5 : 0.5);
        if (p.whole()) {
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.check(value));
            assertTrue(e.getMessage().startsWith(p.id() + ": " + value + " is not a whole number (" + p.unit()
                    + ", in ["), e.getMessage());
            assertEquals(value - 0.5, p.check(value - 0.5));
        } else if (value <= p.max()) {
            assertEquals(value, p.check(value));
        }
    }

    @Test
    void protocolParamsShouldRefuseAFractionalSubnetLimit() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Era.CAPPED_2025_12.defaults().with(Parameter.SUBNET_LIMIT, 6.5));
        assertEquals("subnetLimit: 6.5 is not a whole number (subnets, in [1, 4096])", e.getMessage());
    }

    /** A value far out of range is shown as given, not as a saturated long. */
    @Test
    void aHugeWholeValueShouldBeShownAsGiven() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parameter.TEMPO.check(1e20));
        assertEquals("tempo: 1.0E20 is not in [1, 50400]", e.getMessage());
        assertEquals("tempo: 0 is not in [1, 50400]",
                assertThrows(IllegalArgumentException.class, () -> Parameter.TEMPO.check(0.0)).getMessage());
        assertEquals("tempo: NaN is not in [1, 50400]",
                assertThrows(IllegalArgumentException.class, () -> Parameter.TEMPO.check(Double.NaN)).getMessage());
    }
}
