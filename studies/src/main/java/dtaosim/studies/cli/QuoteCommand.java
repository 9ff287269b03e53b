package dtaosim.studies.cli;

import static dtaosim.engine.kernel.WeightedPoolRao.unsigned;

import dtaosim.engine.kernel.WeightedPool;
import dtaosim.engine.kernel.WeightedPoolRao;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.model.Switch;
import dtaosim.engine.quote.PoolReserves;
import dtaosim.engine.quote.Quote;
import dtaosim.engine.quote.Quoter;
import dtaosim.engine.quote.RaoPool;
import dtaosim.engine.quote.RaoQuote;
import dtaosim.engine.quote.RaoQuoter;
import dtaosim.engine.quote.SwapError;
import dtaosim.engine.quote.SwapRules;
import dtaosim.studies.report.Json;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dtaosim quote}: what one stake or unstake would do on a pool under an era's rules (mechanics §5),
 * computed by {@link Quoter} (TAO, no rounding) or, with {@code --rao}, {@link RaoQuoter} (rao, the chain's
 * flooring). Exit code 0 with the result, 2 for bad input, {@value #EXIT_CHAIN_ERROR} when the chain would
 * reject the call (its error name is printed).
 */
@Command(name = "quote", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Quotes one stake (TAO in) or unstake (alpha in) under an era's swap rules.",
            "Prints the amount out, fee and the pool price after (mechanics §5); with",
            "--limit-price also the largest amount that reaches the limit (the chain's",
            "get_max_amount_add/remove).",
            "Pools: launch-2025-02 and ema-ramp-2025-03: constant product x·y = k with a",
            "flat 50,000-rao fee kept in the pool; subsidy-2025-07 to netflow-2026-05:",
            "constant product (V3 full-range position) with a fee rate taken from the input",
            "(with --rao: the V3 pallet's fixed-point √price steps from a state initialised",
            "from the reserves); price-burn-2026-06: Balancer weighted pool, price",
            "(w1/w2)·y/x. The price after excludes a TAO fee that leaves the pool, includes",
            "the flat fee and, from capped-2025-12 on (switch fees-to-block-author), the",
            "unstake's alpha fee sold fee-free for the block author.",
            "When the chain would reject the call, prints its error name",
            "(PriceLimitExceeded, AmountTooLow, SlippageTooHigh, ReservesTooLow,",
            "InsufficientLiquidity, SwapInputTooLarge; ZeroMaxStakeAmount in the V3 eras).",
            "Exit codes: 0 quoted, 2 bad input, 3 the chain rejects the call.",
            ""})
final class QuoteCommand implements Callable<Integer> {
    /** Exit code when the chain would reject the call. */
    static final int EXIT_CHAIN_ERROR = 3;
    /** balancer.rs {@code MIN_WEIGHT}, as a decimal. */
    private static final BigDecimal LEAST_WEIGHT = BigDecimal.valueOf(WeightedPool.MIN_WEIGHT);
    /** One rao in TAO: the least non-empty reserve the chain holds. */
    private static final BigDecimal ONE_RAO = new BigDecimal("1e-9");
    /** u64::MAX rao in TAO: the most any amount, reserve or limit price (per alpha) of the chain holds. */
    private static final BigDecimal U64_RAO = new BigDecimal("18446744073.709551615");

    @Spec
    private CommandSpec spec;

    @Option(names = "--era", required = true, paramLabel = "NAME",
            description = "era whose swap rules apply: launch-2025-02, ema-ramp-2025-03, subsidy-2025-07,"
                    + " taoflow-2025-11, capped-2025-12, netflow-2026-05, price-burn-2026-06")
    private String era;
    @Option(names = "--tao-reserve", required = true, paramLabel = "Y",
            description = "TAO in the pool (SubnetTAO): TAO, in [1e-9, 18446744073.709551615] (1 rao to"
                    + " u64::MAX rao), or rao with --rao, in [0, u64::MAX]")
    private BigDecimal taoReserve;
    @Option(names = "--alpha-reserve", required = true, paramLabel = "X",
            description = "alpha in the pool (SubnetAlphaIn): alpha, in [1e-9, 18446744073.709551615], or rao"
                    + " with --rao, in [0, u64::MAX]")
    private BigDecimal alphaReserve;
    @Option(names = "--weight-quote", paramLabel = "W",
            description = "quote (TAO) weight w2 of the Balancer pool, in [0.01, 0.99] (default 0.5); only"
                    + " price-burn-2026-06 has a weighted pool, other eras accept only 0.5")
    private BigDecimal weightQuote;
    @Option(names = "--switch", paramLabel = "NAME=V",
            description = "a dated rule change inside the era that changes swaps, V = on (the rule from its date)"
                    + " or off (the rule before): fees-to-block-author (capped-2025-12, 2026-03-11, default on: off"
                    + " keeps the fee in the pool), swap-pallet-v3 and fee-rate-cut (ema-ramp-2025-03, 2025-06-30"
                    + " and 07-23, default off: on quotes the V3 pool at 196/65535, or 33 with the cut); repeatable")
    private List<String> switches = new ArrayList<>();
    @Option(names = "--fee-rate", paramLabel = "F",
            description = "swap fee rate in x/65535, in [0, 10000] (default: the era's, 33 = 0.05 %%). In"
                    + " launch-2025-02 and ema-ramp-2025-03 the default is the flat 50,000-rao fee per call;"
                    + " an explicit --fee-rate replaces it with F/65535 of the TAO side, kept in the pool")
    private Integer feeRate;
    @Option(names = "--minimum-reserve", paramLabel = "RAO",
            description = "minimum reserve in rao (also without --rao), in [1, 1e18]: the swap pallet's"
                    + " SwapMinimumReserve (default the runtime's 1000000; the pallets' test mocks use 100 and 1),"
                    + " or in launch-2025-02 and ema-ramp-2025-03 the pool's minimum liquidity (default 10000000)")
    private BigDecimal minimumReserve;
    @Option(names = "--min-stake", paramLabel = "RAO",
            description = "minimum stake in rao (also without --rao), in [0, 1e18]: the staking pallet's"
                    + " DefaultMinStake that a stake plus its fee and an unstake's TAO must reach, else AmountTooLow"
                    + " (default 2000000; 500000 in launch-2025-02 and ema-ramp-2025-03); 0 quotes orders of any"
                    + " size, as the swap pallet's own tests swap them")
    private BigDecimal minStake;
    @Option(names = "--stake", paramLabel = "TAO",
            description = "TAO to stake (buy alpha), in [0, u64::MAX rao]; TAO, or rao with --rao; exactly one of"
                    + " --stake/--unstake"
                    + " (0 gets the chain's answer to it, AmountTooLow at the default minimum stake)")
    private BigDecimal stake;
    @Option(names = "--unstake", paramLabel = "ALPHA",
            description = "alpha to unstake (sell for TAO), in [0, u64::MAX rao]; alpha, or rao with --rao")
    private BigDecimal unstake;
    @Option(names = "--limit-price", paramLabel = "P",
            description = "limit price, in [0, u64::MAX rao]: TAO per alpha, or rao per alpha with --rao; a stake may"
                    + " not lift the price above it, an unstake may not push it below (fills partially unless"
                    + " --fill-or-kill)")
    private BigDecimal limitPrice;
    @Option(names = "--fill-or-kill",
            description = "with --limit-price: fail with SlippageTooHigh instead of filling partially")
    private boolean fillOrKill;
    @Option(names = "--rao", description = "all inputs and outputs in rao, with the chain's flooring")
    private boolean rao;
    @Option(names = "--json", description = "print one JSON object: amount_out, fee, price_after"
            + " (and max_amount with --limit-price), or error (with max_amount when the chain computed it before"
            + " rejecting the call)")
    private boolean json;

    @Override
    public Integer call() {
        final Era chosen = Era.byId(era);
        if ((stake == null) == (unstake == null)) {
            throw new IllegalArgumentException("stake/unstake: give exactly one of --stake/--unstake");
        }
        if (fillOrKill && limitPrice == null) {
            throw new IllegalArgumentException("fill-or-kill: needs --limit-price");
        }
        final BigDecimal weight = weightQuote == null ? new BigDecimal("0.5") : weightQuote;
        if (chosen.pool() != Era.Pool.WEIGHTED && weight.compareTo(new BigDecimal("0.5")) != 0) {
            throw new IllegalArgumentException("weight-quote: " + shown(weight) + " is not allowed in era "
                    + chosen.id() + " (constant-product pool: only 0.5); weighted pools are in "
                    + Era.PRICE_BURN_2026_06.id());
        }
        // compared as written: a double would round 0.9900000000000000001 into the range
        if (weight.compareTo(LEAST_WEIGHT) < 0 || weight.compareTo(BigDecimal.ONE.subtract(LEAST_WEIGHT)) > 0) {
            throw new IllegalArgumentException("weight-quote: " + shown(weight) + " is not in [" + LEAST_WEIGHT
                    + ", " + BigDecimal.ONE.subtract(LEAST_WEIGHT) + "]");
        }
        SwapRules rules = SwapRules.of(switched(chosen));
        if (feeRate != null) {
            rules = rules.withFeeRate(feeRate);
        }
        if (minimumReserve != null) {
            rules = rules.withMinimumReserve(wholeRao("minimum-reserve", minimumReserve, 1,
                    SwapRules.MAX_MINIMUM_RESERVE_RAO));
        }
        if (minStake != null) {
            rules = rules.withMinStake(wholeRao("min-stake", minStake, 0, SwapRules.MAX_MINIMUM_RESERVE_RAO));
        }
        final boolean isStake = stake != null;
        final Map<String, Object> result = new LinkedHashMap<>();
        final SwapError error = rao ? quoteRao(rules, weight, isStake, result) : quoteTao(rules, weight, isStake,
                result);
        print(chosen, rules, weight, isStake, result, error);
        return error == null ? 0 : EXIT_CHAIN_ERROR;
    }

    /** The era's defaults with the {@code --switch} settings, refusing switches that change no swap. */
    private ProtocolParams switched(final Era chosen) {
        final Map<Switch, Boolean> set = new EnumMap<>(Switch.class);
        for (final String setting : switches) {
            final int eq = setting.indexOf('=');
            final String value = eq < 0 ? "" : setting.substring(eq + 1);
            if (eq < 0 || !(value.equals("on") || value.equals("off"))) {
                throw new IllegalArgumentException("switch: '" + setting + "' is not NAME=on or NAME=off");
            }
            final String name = setting.substring(0, eq);
            final Switch s = Arrays.stream(Switch.values()).filter(x -> x.id().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("switch: '" + name + "' is not a switch; "
                            + swapSwitchesOf(chosen)));
            if (s.era() != chosen) {
                throw new IllegalArgumentException("switch: " + name + " belongs to era " + s.era().id() + ", not "
                        + chosen.id() + "; " + swapSwitchesOf(chosen));
            }
            if (!SwapRules.SWAP_SWITCHES.contains(s)) {
                throw new IllegalArgumentException("switch: " + name + " changes no stake or unstake; "
                        + swapSwitchesOf(chosen));
            }
            if (set.put(s, value.equals("on")) != null) {
                throw new IllegalArgumentException("switch: " + name + " is given twice; give each switch once");
            }
        }
        final ProtocolParams defaults = chosen.defaults();
        if (set.getOrDefault(Switch.FEE_RATE_CUT, defaults.on(Switch.FEE_RATE_CUT))
                && !set.getOrDefault(Switch.SWAP_PALLET_V3, defaults.on(Switch.SWAP_PALLET_V3))) {
            throw new IllegalArgumentException("switch: fee-rate-cut=on needs swap-pallet-v3=on (the 0.05 % rate"
                    + " is the V3 pallet's fee)");
        }
        ProtocolParams params = defaults;
        // in the enum's order: swap-pallet-v3 before the fee-rate-cut that needs it
        for (final Map.Entry<Switch, Boolean> e : set.entrySet()) {
            params = params.with(e.getKey(), e.getValue());
        }
        return params;
    }

    /** The switches of an era that {@code --switch} takes, for an error message. */
    private static String swapSwitchesOf(final Era era) {
        final String names = Switch.of(era).stream().filter(SwapRules.SWAP_SWITCHES::contains).map(Switch::id)
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "era " + era.id() + " has no switch that changes swaps"
                : "switches of " + era.id() + " that change swaps: " + names;
    }

    private SwapError quoteTao(final SwapRules rules, final BigDecimal weight, final boolean isStake,
                               final Map<String, Object> result) {
        // the chain's range (1 rao to u64::MAX rao), which also keeps every product and quotient finite
        final PoolReserves pool = new PoolReserves(tao("tao-reserve", taoReserve, ONE_RAO),
                tao("alpha-reserve", alphaReserve, ONE_RAO), weight.doubleValue());
        final double amount = isStake ? tao("stake", stake, BigDecimal.ZERO)
                : tao("unstake", unstake, BigDecimal.ZERO);
        final double limit = limitPrice == null ? Double.NaN : tao("limit-price", limitPrice, BigDecimal.ZERO);
        final Quote quote;
        try {
            quote = isStake ? Quoter.stake(rules, pool, amount, limit, !fillOrKill)
                    : Quoter.unstake(rules, pool, amount, limit, !fillOrKill);
        } catch (final IllegalArgumentException e) {
            // a pool state after the swap that doubles cannot hold (a reserve rounded to 0)
            throw beyondDoubles(e.getMessage());
        }
        result.put("price_before", pool.price());
        if (quote.error() == null) {
            result.put("amount_in", quote.amountIn());
            result.put("amount_out", quote.amountOut());
            result.put("fee", quote.fee());
            result.put("price_after", quote.priceAfter());
        }
        if (limitPrice != null && !Double.isNaN(quote.maxAmount())) {
            // get_max_amount_add/remove's answer, also when a later check of the call rejects it
            result.put("max_amount", quote.maxAmount());
        }
        for (final Map.Entry<String, Object> e : result.entrySet()) {
            if (!Double.isFinite((Double) e.getValue())) {
                throw beyondDoubles(e.getKey() + " would be " + e.getValue());
            }
        }
        return quote.error();
    }

    /** A TAO-mode amount in [least, u64::MAX rao], compared as written, as a double. */
    private static double tao(final String field, final BigDecimal value, final BigDecimal least) {
        if (value.compareTo(least) < 0 || value.compareTo(U64_RAO) > 0) {
            final boolean reserve = least.signum() > 0;
            throw new IllegalArgumentException(field + ": " + shown(value) + " is not in [" + (reserve ? "1e-9" : "0")
                    + ", " + U64_RAO.toPlainString() + "]" + (reserve ? " (1 rao to u64::MAX rao; an empty reserve"
                    + " only with --rao)" : " (u64::MAX rao)"));
        }
        return value.doubleValue();
    }

    /** The error for inputs whose exact result doubles do not resolve; the rao quote computes as the chain. */
    private static IllegalArgumentException beyondDoubles(final String detail) {
        return new IllegalArgumentException("quote: these reserves and amounts are beyond what TAO-mode doubles"
                + " resolve (" + detail + "); --rao quotes them in the chain's integer arithmetic");
    }

    private SwapError quoteRao(final SwapRules rules, final BigDecimal weight, final boolean isStake,
                               final Map<String, Object> result) {
        // an empty reserve is a state the chain can be in: its checks answer (ReservesTooLow, …)
        final RaoPool pool = new RaoPool(wholeRao("tao-reserve", taoReserve, 0),
                wholeRao("alpha-reserve", alphaReserve, 0), WeightedPoolRao.quoteWeightParts(weight));
        final long amount = isStake ? wholeRao("stake", stake, 0) : wholeRao("unstake", unstake, 0);
        final OptionalLong limit = limitPrice == null ? OptionalLong.empty()
                : OptionalLong.of(wholeRao("limit-price", limitPrice, 0));
        final RaoQuote quote = isStake ? RaoQuoter.stake(rules, pool, amount, limit, !fillOrKill)
                : RaoQuoter.unstake(rules, pool, amount, limit, !fillOrKill);
        // u64 amounts print as unsigned numbers (u64::MAX is 18446744073709551615)
        result.put("price_before", WeightedPoolRao.raoPerAlpha(pool.price()));
        if (quote.error() == null) {
            result.put("amount_in", unsigned(quote.amountIn()));
            result.put("amount_out", unsigned(quote.amountOut()));
            result.put("fee", unsigned(quote.fee()));
            result.put("price_after", quote.priceAfterRao());
        }
        if (limitPrice != null && quote.maxAmount().isPresent()) {
            // get_max_amount_add/remove's answer, also when a later check of the call rejects it
            result.put("max_amount", unsigned(quote.maxAmount().getAsLong()));
        }
        return quote.error();
    }

    /** A whole number of rao in [{@code least}, u64::MAX], as the unsigned bits of a {@code long}. */
    private static long wholeRao(final String field, final BigDecimal value, final int least) {
        return wholeRao(field, value, least, WeightedPoolRao.MAX_RAO);
    }

    /** A whole number of rao in [least, most] ({@code most} as u64 bits), else an error naming both. */
    private static long wholeRao(final String field, final BigDecimal value, final int least, final long most) {
        final BigDecimal stripped = value.stripTrailingZeros();
        // a fraction, or more digits than u64 has: rejected before any digits are expanded (1e100000000 is cheap
        // to write, not to convert)
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 20) {
            final BigInteger rao = stripped.toBigIntegerExact();
            if (rao.compareTo(BigInteger.valueOf(least)) >= 0 && rao.compareTo(unsigned(most)) <= 0) {
                return rao.longValue();
            }
        }
        throw new IllegalArgumentException(field + ": " + shown(value) + " is not a whole number of rao in ["
                + least + ", " + unsigned(most) + "]" + (most == WeightedPoolRao.MAX_RAO ? " (u64)" : ""));
    }

    private void print(final Era chosen, final SwapRules rules, final BigDecimal weight, final boolean isStake,
                       final Map<String, Object> result, final SwapError error) {
        final PrintWriter out = spec.commandLine().getOut();
        if (json) {
            final Map<String, Object> object = new LinkedHashMap<>();
            if (error != null) {
                object.put("error", error.chainName());
            }
            // a rejected limit order keeps the maximum when the chain computed it before the check that failed
            for (final String key : new String[] {"amount_out", "fee", "price_after", "max_amount"}) {
                if (result.containsKey(key)) {
                    object.put(key, result.get(key));
                }
            }
            out.println(Json.write(object));
            out.flush();
            return;
        }
        final String inUnit = rao ? "rao" : isStake ? "TAO" : "alpha";
        final String outUnit = rao ? "rao" : isStake ? "alpha" : "TAO";
        final String feeUnit = rao ? "rao" : isStake || rules.pool() == Era.Pool.CONSTANT_PRODUCT_FLAT_FEE ? "TAO"
                : "alpha";
        final String priceUnit = rao ? "rao/alpha" : "TAO/alpha";
        final String fee = rules.flatFee() ? "flat fee " + rules.flatFeeRao() + " rao"
                : "fee rate " + rules.feeRate() + "/65535";
        out.printf("%s %s %s, era %s%s (%s, w_quote %s, %s)%n", isStake ? "stake" : "unstake",
                (isStake ? stake : unstake).toPlainString(), inUnit, chosen.id(),
                switches.isEmpty() ? "" : " with " + String.join(", ", switches), poolName(rules.pool()),
                weight.toPlainString(), fee);
        out.printf("  pool:        %s %s, %s %s, price %s %s%n", taoReserve.toPlainString(),
                rao ? "rao of TAO" : "TAO", alphaReserve.toPlainString(), rao ? "rao of alpha" : "alpha",
                number(result.get("price_before")), priceUnit);
        if (error != null) {
            out.printf("  rejected:    %s (%s pallet): %s%n", error.chainName(), error.pallet(), error.meaning());
        } else {
            out.printf("  amount in:   %s %s (swapped plus fee)%n", number(result.get("amount_in")), inUnit);
            out.printf("  amount out:  %s %s%n", number(result.get("amount_out")), outUnit);
            out.printf("  fee:         %s %s%n", number(result.get("fee")), feeUnit);
            out.printf("  price after: %s %s%n", number(result.get("price_after")), priceUnit);
        }
        if (result.containsKey("max_amount")) {
            // also for a rejected call whose limit check got that far (get_max_amount_add/remove's answer)
            // the chain's maximum is not always the amount that ends at the limit: say which one this is
            final Object max = result.get("max_amount");
            final boolean atCap = rao ? unsigned(WeightedPoolRao.MAX_RAO).equals(max)
                    : max instanceof Double d && d >= PoolReserves.MAX_RESERVE;
            final String how = atCap ? "; u64::MAX rao: the limit holds nothing back"
                    : rules.pool() != Era.Pool.CONSTANT_PRODUCT_FLAT_FEE ? ""
                    : isStake ? "; this era's linear formula limit·alpha_in − tao_in, the price can end past it"
                    : "; this era's linear formula tao_in/limit − alpha_in, the price can end past it";
            out.printf("  max amount:  %s %s (the chain's largest at the limit %s %s%s)%n",
                    number(max), inUnit, limitPrice.toPlainString(), priceUnit, how);
        }
        out.flush();
    }

    /** A number as given, in plain digits unless that would be long (then in scientific notation). */
    private static String shown(final BigDecimal value) {
        return Math.abs(value.precision() - value.scale()) > 40 || value.scale() > 40 ? value.toString()
                : value.toPlainString();
    }

    private static String poolName(final Era.Pool pool) {
        return switch (pool) {
            case CONSTANT_PRODUCT_FLAT_FEE -> "constant product";
            case CONSTANT_PRODUCT_RATE_FEE -> "constant product, V3 full range";
            case WEIGHTED -> "Balancer weighted pool";
        };
    }

    private static String number(final Object value) {
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        return String.valueOf(value);
    }
}
