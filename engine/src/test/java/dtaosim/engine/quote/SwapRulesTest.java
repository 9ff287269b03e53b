package dtaosim.engine.quote;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.model.Era;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.model.Switch;
import org.junit.jupiter.api.Test;

/** The swap rules a quote takes from an era and its dated switches (mechanics §5, §9). */
class SwapRulesTest {
    @Test
    void feesToBlockAuthorOffShouldGiveTheCappedEraTheTaoflowErasSwap() {
        final ProtocolParams off = Era.CAPPED_2025_12.defaults().with(Switch.FEES_TO_BLOCK_AUTHOR, false);
        assertAll(
                () -> assertEquals(SwapRules.of(Era.TAOFLOW_2025_11), SwapRules.of(off)),
                () -> assertTrue(SwapRules.of(Era.CAPPED_2025_12).alphaFeeResold()),
                () -> assertFalse(SwapRules.of(off).alphaFeeResold()));
    }

    @Test
    void swapPalletV3ShouldGiveTheEmaRampEraTheV3PoolAtTheFeeOfItsDate() {
        final ProtocolParams v3 = Era.EMA_RAMP_2025_03.defaults().with(Switch.SWAP_PALLET_V3, true);
        final ProtocolParams cut = v3.with(Switch.FEE_RATE_CUT, true);
        assertAll(
                () -> assertEquals(Era.Pool.CONSTANT_PRODUCT_FLAT_FEE, SwapRules.of(Era.EMA_RAMP_2025_03).pool()),
                () -> assertEquals(SwapRules.of(Era.SUBSIDY_2025_07).withFeeRate(196), SwapRules.of(v3)),
                () -> assertEquals(SwapRules.of(Era.SUBSIDY_2025_07), SwapRules.of(cut)));
    }

    @Test
    void switchesThatChangeNoSwapShouldLeaveTheRulesAlone() {
        for (final Switch s : Switch.values()) {
            if (SwapRules.SWAP_SWITCHES.contains(s)) {
                continue;
            }
            final ProtocolParams defaults = s.era().defaults();
            assertEquals(SwapRules.of(s.era()), SwapRules.of(defaults.with(s, !defaults.on(s))), s.id());
        }
    }
}
