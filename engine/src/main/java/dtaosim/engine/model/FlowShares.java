package dtaosim.engine.model;

/**
 * mechanics §2b (TAO-flow era, 2025-11-04 → 2026-06-22): emission shares from the flow EMAs of the subnets that
 * receive emission. Every array holds exactly those subnets, one entry each, in any order; outputs may not alias
 * inputs unless stated. Amounts in TAO (the chain keeps rao; shares do not depend on the unit).
 *
 * <p>Sources (subtensor {@code coinbase/subnet_emissions.rs}): {@code get_shares_flow}, {@code get_lower_limit},
 * {@code inplace_pow_normalize} (6218ecc5c, 2025-11-04; unchanged to 14bc6f9f9, where they are dead code); the net
 * flow with the protocol normalisation factor from 486037ba4 (2026-05-27). The chain evaluates the powers as
 * {@code exp(p·ln(k·z/max))} in I32F32 with {@code k = sqrt(i32::MAX / n)} (relative error about 1e-9); this model
 * uses exact powers. Two chain artefacts are not modelled: a term whose {@code k·z/max} falls below 2^-32 (about
 * {@code z/max < 5e-15·sqrt(n)}) gets 0 instead of a tiny share, and for exponents {@code p > 2} every term with
 * {@code (k·z/max)^p > i32::MAX} saturates at i32::MAX (the scale assumes {@code p = 2}), which flattens the top
 * shares; the default exponent is 1.
 */
public final class FlowShares {
    private FlowShares() {
    }

    /**
     * mechanics §2b, {@code inplace_pow_normalize}: {@code share_i = z_i^p / Σ_j z_j^p} over {@code z_j > 0}; a
     * zero {@code z_i} gets 0 whatever {@code p} (the chain's {@code ln(0)} fails to 0, also for {@code p = 0}).
     * If every {@code z} is 0 every share is 0 (no TAO is injected). {@code sharesOut} may be {@code z} itself.
     *
     * @param z         offset flows, each {@code ≥ 0}
     * @param p         FlowNormExponent, {@code ≥ 0} (default 1)
     * @param sharesOut receives the shares, same length as {@code z}
     */
    public static void powNormalize(final double[] z, final double p, final double[] sharesOut) {
        final int n = z.length;
        double max = 0.0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, z[i]);
        }
        if (!(max > 0.0)) {
            for (int i = 0; i < n; i++) {
                sharesOut[i] = 0.0;
            }
            return;
        }
        // Pre-scale to max 1 as the chain does (inplace_scale): no overflow in the powers.
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            final double w = z[i] > 0.0 ? Math.pow(z[i] / max, p) : 0.0;
            sharesOut[i] = w;
            sum += w;
        }
        for (int i = 0; i < n; i++) {
            sharesOut[i] /= sum;
        }
    }

    /**
     * mechanics §2b, {@code get_lower_limit}: {@code L = max(cutoff, min_i min(Net_i, 0))}; with the default
     * cutoff 0 this is 0, so negative flows get nothing.
     *
     * @param netFlows the flow EMA (or net flow) per subnet
     * @param cutoff   TaoFlowCutoff in TAO (default 0)
     */
    public static double lowerLimit(final double[] netFlows, final double cutoff) {
        double lowest = 0.0;
        for (final double flow : netFlows) {
            lowest = Math.min(lowest, flow);
        }
        return Math.max(cutoff, lowest);
    }

    /**
     * mechanics §2b, {@code get_shares_flow} after the EMA update: {@code z_i = max(Net_i − L, 0)} with
     * {@code L = }{@link #lowerLimit}, then {@link #powNormalize}. {@code out} may be {@code netFlows} itself.
     *
     * @param netFlows flow EMA per subnet ({@link #netFlow} when NetTaoFlowEnabled, else the user flow EMA)
     * @param cutoff   TaoFlowCutoff in TAO (default 0)
     * @param exponent FlowNormExponent (default 1)
     * @param out      receives the shares
     */
    public static void shares(final double[] netFlows, final double cutoff, final double exponent,
                              final double[] out) {
        final double lower = lowerLimit(netFlows, cutoff);
        final int n = netFlows.length;
        for (int i = 0; i < n; i++) {
            out[i] = netFlows[i] > lower ? netFlows[i] - lower : 0.0;
        }
        powNormalize(out, exponent, out);
    }

    /**
     * mechanics §2b (2026-05-27+, NetTaoFlowEnabled): the user flow EMA net of the normalised protocol flow EMA,
     * {@code Net_i = S_i − norm·P_i} if {@code P_i > 0}, else {@code S_i − P_i} (a negative protocol flow, root
     * claims selling more than was injected, is a benefit kept in full), with
     * {@code norm = min(1, Σ max(S, 0) / Σ max(P, 0))}, or 0 when {@code Σ max(P, 0) = 0}. With net flow disabled
     * the chain uses {@code Net = S}. {@code out} may be {@code userFlows} itself.
     *
     * @param userFlows     SubnetEmaTaoFlow S per subnet
     * @param protocolFlows SubnetEmaProtocolFlow P per subnet
     * @param out           receives Net
     * @return the normalisation factor {@code norm}
     */
    public static double netFlow(final double[] userFlows, final double[] protocolFlows, final double[] out) {
        final int n = userFlows.length;
        double userPositive = 0.0;
        double protocolPositive = 0.0;
        for (int i = 0; i < n; i++) {
            userPositive += Math.max(userFlows[i], 0.0);
            protocolPositive += Math.max(protocolFlows[i], 0.0);
        }
        final double norm = protocolPositive > 0.0 ? Math.min(userPositive / protocolPositive, 1.0) : 0.0;
        for (int i = 0; i < n; i++) {
            final double protocol = protocolFlows[i];
            out[i] = userFlows[i] - (protocol > 0.0 ? norm * protocol : protocol);
        }
        return norm;
    }
}
