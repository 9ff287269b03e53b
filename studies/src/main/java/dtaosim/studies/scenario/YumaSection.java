package dtaosim.studies.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dtaosim.engine.yuma.BondsMode;
import dtaosim.engine.yuma.YumaParams;
import dtaosim.engine.yuma.YumaSetup;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional {@code yuma:} section of a scenario file: which subnets run Yuma consensus, their neurons and the
 * validators' behaviour mix. Only {@code subnets}, {@code validators} and {@code miners} are required; the rest
 * default to the chain's values for a new subnet ({@link YumaParams#defaults}) and to no special validators.
 * Ranges are checked by the engine's records, whose messages name the field ({@code yuma.kappa}).
 */
final class YumaSection {
    static final List<String> KEYS = List.of("subnets", "commitRevealSubnets", "validators", "miners", "kappa",
            "bonds", "bondsMovingAverage", "bondsPenalty", "liquidAlpha", "alphaLow", "alphaHigh",
            "alphaSigmoidSteepness", "maxAllowedValidators", "stakeThreshold", "take", "revealDelay",
            "validatorMix", "weightNoise", "qualitySpread", "qualityVolatility", "ownerMiners", "ownerWeight",
            "overRatedMiners", "overRating", "stakeConcentration", "stakedFraction", "rootShare");
    static final List<String> MIX_KEYS = List.of("copiers", "overRaters", "holdingsScorers");

    /** Defaults of the behaviour parameters (assumptions of the model, not chain values). */
    static final double WEIGHT_NOISE = 0.1;
    static final double QUALITY_SPREAD = 0.5;
    static final double QUALITY_VOLATILITY = 0.1;
    static final double OVER_RATING = 4.0;
    static final double STAKE_CONCENTRATION = 1.0;
    static final double STAKED_FRACTION = 0.5;
    static final double ROOT_SHARE = 0.1;

    private YumaSection() {
    }

    /** The section, or null when the file has none. */
    static YumaSetup parse(final JsonNode value) {
        if (value == null) {
            return null;
        }
        final Fields f = Fields.of("yuma", value, KEYS);
        final String what = "yuma takes subnets, validators and miners, and optionally " + String.join(", ",
                KEYS.subList(3, KEYS.size()));
        final List<Integer> subnets = slots(f, "subnets", f.require("subnets", what));
        final List<Integer> commitReveal = f.has("commitRevealSubnets")
                ? slots(f, "commitRevealSubnets", f.get("commitRevealSubnets")) : List.of();
        final int validators = (int) f.whole("validators", 1, YumaParams.MAX_SLOTS, what);
        final int miners = (int) f.whole("miners", 1, YumaParams.MAX_SLOTS, what);
        final YumaParams defaults = YumaParams.defaults(validators, miners);
        final BondsMode bonds = f.has("bonds")
                ? BondsMode.of(f.path("bonds"), Fields.text(f.path("bonds"), f.get("bonds"))) : BondsMode.YUMA3;
        final YumaParams params = new YumaParams(validators, miners, f.number("kappa", defaults.kappa()), bonds,
                f.number("bondsMovingAverage", defaults.bondsMovingAverage()),
                f.number("bondsPenalty", defaults.bondsPenalty()),
                f.has("liquidAlpha") && Fields.bool(f.path("liquidAlpha"), f.get("liquidAlpha")),
                f.number("alphaLow", defaults.alphaLow()), f.number("alphaHigh", defaults.alphaHigh()),
                f.number("alphaSigmoidSteepness", defaults.alphaSigmoidSteepness()),
                optionalWhole(f, "maxAllowedValidators", defaults.maxAllowedValidators(), 1, YumaParams.MAX_SLOTS),
                f.number("stakeThreshold", defaults.stakeThreshold()), f.number("take", defaults.validatorTake()));
        int copiers = 0;
        int overRaters = 0;
        int holdingsScorers = 0;
        if (f.has("validatorMix")) {
            final Fields mix = Fields.of(f.path("validatorMix"), f.get("validatorMix"), MIX_KEYS);
            copiers = optionalWhole(mix, "copiers", 0, 0, validators);
            overRaters = optionalWhole(mix, "overRaters", 0, 0, validators);
            holdingsScorers = optionalWhole(mix, "holdingsScorers", 0, 0, validators);
        }
        final int ownerMiners = optionalWhole(f, "ownerMiners", 0, 0, miners - 1);
        return new YumaSetup(subnets, commitReveal, params, optionalWhole(f, "revealDelay", 1, 1, 64), copiers,
                overRaters, holdingsScorers, f.number("weightNoise", WEIGHT_NOISE),
                f.number("qualitySpread", QUALITY_SPREAD), f.number("qualityVolatility", QUALITY_VOLATILITY),
                ownerMiners, f.number("ownerWeight", 0.0), optionalWhole(f, "overRatedMiners", 0, 0, miners - 1),
                f.number("overRating", OVER_RATING), f.number("stakeConcentration", STAKE_CONCENTRATION),
                f.number("stakedFraction", STAKED_FRACTION), f.number("rootShare", ROOT_SHARE));
    }

    private static List<Integer> slots(final Fields f, final String key, final JsonNode value) {
        final List<JsonNode> items = Fields.list(f.path(key), value);
        final List<Integer> out = new ArrayList<>(items.size());
        for (int k = 0; k < items.size(); k++) {
            out.add((int) Fields.whole(f.path(key) + "[" + k + "]", items.get(k), 0, 4095));
        }
        return out;
    }

    private static int optionalWhole(final Fields f, final String key, final int fallback, final int min,
                                     final int max) {
        return f.has(key) ? (int) Fields.whole(f.path(key), f.get(key), min, max) : fallback;
    }
}
