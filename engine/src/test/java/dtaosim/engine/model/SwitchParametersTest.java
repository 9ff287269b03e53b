package dtaosim.engine.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Switches whose dated change also changed governance numbers set those numbers with them (mechanics §6, §9),
 * so that a switch turned off gives the rule set of before its date; parameters set afterwards still win.
 */
class SwitchParametersTest {
    /** §9: 2025-03-28 start_call, DurationOfStartCall 7 days = 50,400 blocks (8de0d23ca). */
    @Test
    void startCallShouldSetTheDelayOfItsDate() {
        final ProtocolParams on = Era.EMA_RAMP_2025_03.defaults();
        assertAll(
                () -> assertEquals(50_400.0, on.get(Parameter.START_CALL_DELAY)),
                () -> assertEquals(0.0, on.with(Switch.START_CALL, false).get(Parameter.START_CALL_DELAY)),
                () -> assertEquals(on, on.with(Switch.START_CALL, false).with(Switch.START_CALL, true)));
    }

    /** 2026-01-21 InitialStartCallDelay 0 (f74d69ed5): off is the 7-day delay of before. */
    @Test
    void startCallDelayZeroShouldSetTheDelayOfItsDate() {
        final ProtocolParams on = Era.CAPPED_2025_12.defaults();
        assertAll(
                () -> assertEquals(0.0, on.get(Parameter.START_CALL_DELAY)),
                () -> assertEquals(50_400.0,
                        on.with(Switch.START_CALL_DELAY_ZERO, false).get(Parameter.START_CALL_DELAY)));
    }

    /** §9: 2025-09-24 pruning at the limit; immunity 864,000, lock interval 8 d, rate limit 4 d (835a2c902). */
    @Test
    void subnetLimitPruningShouldSetTheMigrationsNumbers() {
        final ProtocolParams on = Era.SUBSIDY_2025_07.defaults();
        final ProtocolParams off = on.with(Switch.SUBNET_LIMIT_PRUNING, false);
        final ProtocolParams launch = Era.LAUNCH_2025_02.defaults();
        assertAll(
                () -> assertEquals(864_000.0, on.get(Parameter.IMMUNITY_PERIOD)),
                () -> assertEquals(57_600.0, on.get(Parameter.LOCK_REDUCTION_INTERVAL)),
                () -> assertEquals(28_800.0, on.get(Parameter.NETWORK_RATE_LIMIT)),
                () -> assertEquals(launch.get(Parameter.IMMUNITY_PERIOD), off.get(Parameter.IMMUNITY_PERIOD)),
                () -> assertEquals(100_800.0, off.get(Parameter.LOCK_REDUCTION_INTERVAL)),
                () -> assertEquals(7_200.0, off.get(Parameter.NETWORK_RATE_LIMIT)),
                () -> assertEquals(1_000.0, off.with(Parameter.NETWORK_RATE_LIMIT, 1_000)
                        .get(Parameter.NETWORK_RATE_LIMIT), "a parameter set after the switch wins"));
    }

    /** A switch belongs to one era: another era's refuses it, naming both. */
    @Test
    void aSwitchOfAnotherEraShouldBeRefused() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Era.TAOFLOW_2025_11.defaults().with(Switch.START_CALL, false));
        assertTrue(e.getMessage().contains("start-call belongs to era ema-ramp-2025-03, not taoflow-2025-11"),
                e.getMessage());
    }
}
