package dtaosim.studies.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.run.Scenario;
import dtaosim.engine.yuma.BondsMode;
import dtaosim.engine.yuma.ValidatorRole;
import dtaosim.engine.yuma.YumaParams;
import dtaosim.engine.yuma.YumaSetup;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The {@code yuma:} section: every key reaches the engine's {@link YumaSetup}; bad values name their field. */
class YumaSectionTest {
    private static final String YUMA = ScenarioParserTest.SMALL + """
            yuma:
              subnets: [1, 0]
              commitRevealSubnets: [0]
              validators: 8
              miners: 16
              kappa: 0.4
              bonds: classic
              bondsMovingAverage: 0.8
              bondsPenalty: 0.5
              liquidAlpha: true
              alphaLow: 0.6
              alphaHigh: 0.95
              alphaSigmoidSteepness: 500
              maxAllowedValidators: 6
              stakeThreshold: 10
              take: 0.1
              revealDelay: 3
              validatorMix: {copiers: 2, overRaters: 1, holdingsScorers: 1}
              weightNoise: 0.2
              qualitySpread: 0.7
              qualityVolatility: 0.05
              ownerMiners: 2
              ownerWeight: 0.25
              overRatedMiners: 3
              overRating: 5
              stakeConcentration: 0.5
              stakedFraction: 0.4
              rootShare: 0.2
            """;

    @Test
    void everyYumaKeyShouldReachTheEngineScenario() {
        final Scenario s = ScenarioParserTest.parse(YUMA).resolve(Overrides.NONE);
        final YumaSetup y = s.yuma();
        assertEquals(List.of(1, 0), y.subnets());
        assertEquals(List.of(0), y.commitRevealSubnets());
        assertEquals(new YumaParams(8, 16, 0.4, BondsMode.CLASSIC, 0.8, 0.5, true, 0.6, 0.95, 500, 6, 10, 0.1),
                y.params());
        assertEquals(3, y.revealDelay());
        assertEquals(4, y.copierLag(0));
        assertEquals(1, y.copierLag(1));
        assertEquals(4, y.honest());
        assertEquals(ValidatorRole.HOLDINGS_SCORER, y.role(4));
        assertEquals(ValidatorRole.OVER_RATER, y.role(5));
        assertEquals(ValidatorRole.COPIER, y.role(7));
        assertEquals(0.2, y.weightNoise());
        assertEquals(0.7, y.qualitySpread());
        assertEquals(0.05, y.qualityVolatility());
        assertEquals(2, y.ownerMiners());
        assertEquals(0.25, y.ownerWeight());
        assertEquals(3, y.overRatedMiners());
        assertEquals(5.0, y.overRating());
        assertEquals(0.5, y.stakeConcentration());
        assertEquals(0.4, y.stakedFraction());
        assertEquals(0.2, y.rootShare());
    }

    @Test
    void onlySubnetsValidatorsAndMinersShouldBeRequired() {
        final Scenario s = ScenarioParserTest.parse(ScenarioParserTest.SMALL
                + "yuma:\n  subnets: [1]\n  validators: 64\n  miners: 256\n").resolve(Overrides.NONE);
        assertEquals(YumaParams.defaults(64, 256), s.yuma().params());
        assertEquals(64, s.yuma().honest());
        assertTrue(s.yuma().commitRevealSubnets().isEmpty());
        assertNull(ScenarioParserTest.parse(ScenarioParserTest.SMALL).resolve(Overrides.NONE).yuma());
        final long bytes = s.yuma().bytesPerPath();
        assertTrue(bytes > 131_072 && bytes < 150_000, "bonds of one 64×256 subnet, 128 KiB, and a little: " + bytes);
    }

    static Stream<Arguments> badYuma() {
        final String head = ScenarioParserTest.SMALL + "yuma:\n  subnets: [1]\n  validators: 8\n  miners: 16\n";
        return Stream.of(
                Arguments.of(ScenarioParserTest.SMALL + "yuma: 3\n", "yuma: 3 is not a mapping"),
                Arguments.of(head + "  colour: red\n", "yuma.colour: unknown field"),
                Arguments.of(head.replace("  miners: 16\n", ""), "yuma.miners: missing"),
                Arguments.of(head + "  kappa: 1.5\n", "yuma.kappa: 1.5 is not in [0, 1]"),
                Arguments.of(head + "  bonds: fancy\n", "yuma.bonds: \"fancy\" is not one of [yuma3, classic]"),
                Arguments.of(head + "  validatorMix: {copiers: 9}\n",
                        "yuma.validatorMix.copiers: 9 is not in [0, 8]"),
                Arguments.of(head + "  validatorMix: {copiers: 5, overRaters: 4}\n",
                        "yuma.validatorMix.overRaters: 4 is not in [0, 3]"),
                Arguments.of(head + "  validatorMix: {liars: 1}\n", "yuma.validatorMix.liars: unknown field"),
                Arguments.of(head.replace("[1]", "[2]"), "yuma.subnets[0]: 2 is not in [0, 1]"),
                Arguments.of(head.replace("[1]", "[1, 1]"), "yuma.subnets[1]: 1 is listed twice"),
                Arguments.of(head + "  commitRevealSubnets: [0]\n",
                        "yuma.commitRevealSubnets[0]: 0 is not one of yuma.subnets [1]"),
                Arguments.of(head + "  ownerWeight: 0.5\n", "yuma.ownerWeight: 0.5 is not in [0, 0]"),
                Arguments.of(head + "  take: -0.1\n", "yuma.take: -0.1 is not in [0, 1]"),
                Arguments.of(head + "  revealDelay: 0\n", "yuma.revealDelay: 0 is not in [1, 64]"),
                Arguments.of(head + "  liquidAlpha: maybe\n", "yuma.liquidAlpha: \"maybe\" is not true or false"),
                Arguments.of(head.replace("validators: 8", "validators: 2000"),
                        "yuma.validators: 2000 is not in [1, 1024]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badYuma")
    void badYumaFieldShouldBeNamedWithItsValue(final String yaml, final String message) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioParserTest.parse(yaml).resolve(Overrides.NONE));
        assertTrue(e.getMessage().startsWith(message), () -> "expected '" + message + "…', got: " + e.getMessage());
    }
}
