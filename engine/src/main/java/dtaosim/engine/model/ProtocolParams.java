package dtaosim.engine.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The protocol's parameters for one run: the era's rule set, every governance-set number ({@link Parameter})
 * with the era's default unless a scenario overrides it, and the era's dated {@link Switch switches}.
 * Immutable; the {@code with…} methods return copies. Amounts in TAO (alpha).
 */
public final class ProtocolParams {
    private final Era era;
    private final boolean movingPriceRamp;
    private final double[] values;
    private final Set<Switch> switchesOn;

    /**
     * Validates every value once, at the boundary.
     *
     * @param era             the rule set
     * @param movingPriceRamp whether the EMA factor is scaled by {@code b/(b+H)} (mechanics §2a, from 2025-03-19)
     * @param values          one value per {@link Parameter}, by ordinal
     * @param switchesOn      the switches that are on
     */
    public ProtocolParams(final Era era, final boolean movingPriceRamp, final double[] values,
                          final Set<Switch> switchesOn) {
        if (era == null) {
            throw new IllegalArgumentException("era: missing");
        }
        if (values.length != Parameter.values().length) {
            throw new IllegalArgumentException("parameters: " + values.length + " values, expected "
                    + Parameter.values().length);
        }
        for (final Parameter p : Parameter.values()) {
            p.check(values[p.ordinal()]);
        }
        if (switchesOn.contains(Switch.FEE_RATE_CUT) && !switchesOn.contains(Switch.SWAP_PALLET_V3)) {
            throw new IllegalArgumentException("switches." + Switch.FEE_RATE_CUT.id() + ": needs "
                    + Switch.SWAP_PALLET_V3.id() + " on (the 0.05 % rate is the V3 pallet's fee)");
        }
        this.era = era;
        this.movingPriceRamp = movingPriceRamp;
        this.values = values.clone();
        final EnumSet<Switch> on = EnumSet.noneOf(Switch.class);
        on.addAll(switchesOn);
        this.switchesOn = Collections.unmodifiableSet(on);
    }

    /** The rule set. */
    public Era era() {
        return era;
    }

    /** A parameter's value. */
    public double get(final Parameter p) {
        return values[p.ordinal()];
    }

    /** Whether a switch is on. */
    public boolean on(final Switch s) {
        return switchesOn.contains(s);
    }

    /** The switches that are on. */
    public Set<Switch> switchesOn() {
        return switchesOn;
    }

    /** A copy with one parameter changed (validated). */
    public ProtocolParams with(final Parameter p, final double value) {
        final double[] copy = values.clone();
        copy[p.ordinal()] = value;
        return new ProtocolParams(era, movingPriceRamp, copy, switchesOn);
    }

    /** A copy with one switch set. */
    public ProtocolParams with(final Switch s, final boolean on) {
        if (s.era() != era) {
            throw new IllegalArgumentException("switch " + s.id() + " belongs to era " + s.era().id() + ", not "
                    + era.id());
        }
        final EnumSet<Switch> copy = EnumSet.noneOf(Switch.class);
        copy.addAll(switchesOn);
        if (on) {
            copy.add(s);
        } else {
            copy.remove(s);
        }
        return new ProtocolParams(era, movingPriceRamp, withSwitchParameters(s, copy), copy);
    }

    /**
     * The parameters a switch's change sets with it, as the chain's change set them on its date (the fee, the
     * start_call delay, the 2025-09-24 migration's numbers); parameters set afterwards override them.
     */
    private double[] withSwitchParameters(final Switch s, final Set<Switch> on) {
        final double[] changed = values.clone();
        final boolean isOn = on.contains(s);
        switch (s) {
            case SWAP_PALLET_V3, FEE_RATE_CUT -> {
                // mechanics §5: the pool's fee follows the rule (flat fee, or the V3 pallet's DefaultFeeRate)
                final boolean v3 = on.contains(Switch.SWAP_PALLET_V3);
                changed[Parameter.STAKE_FEE.ordinal()] = v3 ? 0.0 : ChainConstants.LAUNCH_STAKE_FEE_TAO;
                changed[Parameter.FEE_RATE.ordinal()] = !v3 ? 0.0 : on.contains(Switch.FEE_RATE_CUT)
                        ? ChainConstants.FEE_RATE : ChainConstants.V3_LAUNCH_FEE_RATE;
            }
            case START_CALL -> changed[Parameter.START_CALL_DELAY.ordinal()] = isOn
                    ? ChainConstants.START_CALL_DELAY_BLOCKS : 0;
            case START_CALL_DELAY_ZERO -> changed[Parameter.START_CALL_DELAY.ordinal()] = isOn
                    ? 0 : ChainConstants.START_CALL_DELAY_BLOCKS;
            case SUBNET_LIMIT_PRUNING -> {
                changed[Parameter.IMMUNITY_PERIOD.ordinal()] = isOn ? ChainConstants.IMMUNITY_FROM_0924
                        : ChainConstants.IMMUNITY_BEFORE_0924;
                changed[Parameter.LOCK_REDUCTION_INTERVAL.ordinal()] = isOn ? ChainConstants.LOCK_INTERVAL_FROM_0924
                        : ChainConstants.LOCK_INTERVAL_BEFORE_0924;
                changed[Parameter.NETWORK_RATE_LIMIT.ordinal()] = isOn ? ChainConstants.RATE_LIMIT_FROM_0924
                        : ChainConstants.RATE_LIMIT_BEFORE_0924;
            }
            default -> {
            }
        }
        return changed;
    }

    /** DefaultBlockEmission before halvings (mechanics §1), TAO per block. */
    public double blockEmissionTao() {
        return get(Parameter.BLOCK_EMISSION);
    }

    /** SubnetMovingAlpha (mechanics §2a). */
    public double subnetMovingAlpha() {
        return get(Parameter.MOVING_ALPHA);
    }

    /** Whether the EMA factor ramps as {@code b/(b+H)} (mechanics §2a). */
    public boolean movingPriceRamp() {
        return movingPriceRamp;
    }

    /** H of the ramp (mechanics §2a). */
    public long emaPriceHalvingBlocks() {
        return (long) get(Parameter.EMA_PRICE_HALVING_BLOCKS);
    }

    /** SubnetOwnerCut as a fraction of alpha_out (mechanics §4). */
    public double ownerCut() {
        return get(Parameter.OWNER_CUT);
    }

    /** TaoWeight (mechanics §4). */
    public double taoWeight() {
        return get(Parameter.TAO_WEIGHT);
    }

    /** Tempo in blocks (mechanics §4). */
    public int tempo() {
        return (int) get(Parameter.TEMPO);
    }

    /** Flat fee per stake or unstake, kept in the pool (mechanics §5, constant-product era). */
    public double stakeFeeTao() {
        return get(Parameter.STAKE_FEE);
    }

    /** A copy with another block emission. */
    public ProtocolParams withBlockEmission(final double value) {
        return with(Parameter.BLOCK_EMISSION, value);
    }

    /** A copy with another moving-price EMA factor. */
    public ProtocolParams withMovingAlpha(final double value) {
        return with(Parameter.MOVING_ALPHA, value);
    }

    /** A copy with the moving-price ramp on or off. */
    public ProtocolParams withMovingPriceRamp(final boolean value) {
        return new ProtocolParams(era, value, values, switchesOn);
    }

    /** A copy with another tao weight. */
    public ProtocolParams withTaoWeight(final double value) {
        return with(Parameter.TAO_WEIGHT, value);
    }

    /** A copy with another tempo. */
    public ProtocolParams withTempo(final int value) {
        return with(Parameter.TEMPO, value);
    }

    /** A copy with another flat stake fee. */
    public ProtocolParams withStakeFee(final double value) {
        return with(Parameter.STAKE_FEE, value);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof ProtocolParams other && era == other.era && movingPriceRamp == other.movingPriceRamp
                && Arrays.equals(values, other.values) && switchesOn.equals(other.switchesOn);
    }

    @Override
    public int hashCode() {
        return (era.hashCode() * 31 + Arrays.hashCode(values)) * 31 + switchesOn.hashCode();
    }

    @Override
    public String toString() {
        final StringBuilder out = new StringBuilder("ProtocolParams[era=").append(era.id());
        for (final Parameter p : Parameter.values()) {
            out.append(", ").append(p.id()).append('=').append(get(p));
        }
        return out.append(", ramp=").append(movingPriceRamp).append(", switches=").append(switchesOn).append(']')
                .toString();
    }
}
