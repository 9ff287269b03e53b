package dtaosim.studies.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.quote.PoolReserves;
import dtaosim.studies.report.JsonReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dtaosim quote} (mechanics §5): expected values are computed here by hand from the spec's formulas
 * (constant product, weights 0.25 and 0.75, fee rate and flat fee, limit orders), rao cases from the chain's
 * flooring; plus the chain's error names with exit code 3, bad input with exit code 2 and the JSON shape.
 * Pool of most cases: y = 1000 TAO, x = 4000 alpha.
 */
class QuoteCommandTest {
    private static final double FEE_33 = 33.0 / 65535.0;

    private static CliRun quote(final String... args) {
        final List<String> all = new ArrayList<>();
        all.add("quote");
        all.addAll(Arrays.asList(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** Runs with --json, expects exit 0, returns the object. */
    private static Map<String, Object> json(final String... args) {
        final List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--json");
        final CliRun run = quote(all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), () -> "exit code; stderr: " + run.err() + " stdout: " + run.out());
        return JsonReader.readObject(run.out());
    }

    private static double number(final Map<String, Object> object, final String key) {
        return (Double) object.get(key);
    }

    @Test
    void constantProductStakeShouldPayXTimesNetInputOverYPlusNetInput() {
        // V3 era, fee 33/65535 from the input: Δ = 10·(1 − 33/65535), out = 4000·Δ/(1000 + Δ)
        final double delta = 10.0 * (1.0 - FEE_33);
        final double out = 4000.0 * delta / (1000.0 + delta);
        final Map<String, Object> q = json("--era", "subsidy-2025-07", "--tao-reserve", "1000",
                "--alpha-reserve", "4000", "--stake", "10");
        assertAll(
                () -> assertEquals(out, number(q, "amount_out"), 1e-11),
                () -> assertEquals(10.0 * FEE_33, number(q, "fee"), 1e-15),
                () -> assertEquals((1000.0 + delta) / (4000.0 - out), number(q, "price_after"), 1e-14));
    }

    @Test
    void constantProductUnstakeWithoutFeeShouldPayYTimesAlphaOverXPlusAlpha() {
        final Map<String, Object> q = json("--era", "netflow-2026-05", "--tao-reserve", "1000",
                "--alpha-reserve", "4000", "--unstake", "40", "--fee-rate", "0");
        final double out = 1000.0 * 40.0 / 4040.0;
        assertAll(
                () -> assertEquals(out, number(q, "amount_out"), 1e-12),
                () -> assertEquals(0.0, number(q, "fee")),
                () -> assertEquals((1000.0 - out) / 4040.0, number(q, "price_after"), 1e-15));
    }

    @Test
    void quoteWeightOfAQuarterShouldBuyWithExponentOneThird() {
        // w2 = 0.25: p = 3·y/x = 0.75; out = x·(1 − (y/(y+Δ))^(1/3)); price after (w1/w2)·y'/x'
        final double delta = 10.0 * (1.0 - FEE_33);
        final double out = 4000.0 * (1.0 - Math.cbrt(1000.0 / (1000.0 + delta)));
        final Map<String, Object> q = json("--era", "price-burn-2026-06", "--tao-reserve", "1000",
                "--alpha-reserve", "4000", "--weight-quote", "0.25", "--stake", "10");
        assertAll(
                () -> assertEquals(out, number(q, "amount_out"), 1e-11),
                () -> assertEquals(3.0 * (1000.0 + delta) / (4000.0 - out), number(q, "price_after"), 1e-13));
    }

    @Test
    void quoteWeightOfThreeQuartersShouldSellWithExponentOneThird() {
        // w2 = 0.75: p = y/(3x); sell Δx: out = y·(1 − (x/(x+Δx))^(1/3)); then the alpha fee f is sold the same
        // way, fee-free, for the block author
        final double delta = 40.0 * (1.0 - FEE_33);
        final double out = 1000.0 * (1.0 - Math.cbrt(4000.0 / (4000.0 + delta)));
        final double fee = 40.0 * FEE_33;
        final double authorTao = (1000.0 - out) * (1.0 - Math.cbrt((4000.0 + delta) / (4000.0 + delta + fee)));
        final Map<String, Object> q = json("--era", "price-burn-2026-06", "--tao-reserve", "1000",
                "--alpha-reserve", "4000", "--weight-quote", "0.75", "--unstake", "40");
        assertAll(
                () -> assertEquals(out, number(q, "amount_out"), 1e-11),
                () -> assertEquals(fee, number(q, "fee"), 1e-15),
                () -> assertEquals((1000.0 - out - authorTao) / (3.0 * (4000.0 + delta + fee)),
                        number(q, "price_after"), 1e-15));
    }

    @Test
    void flatFeeStakeShouldSwapTheInputLessFiftyThousandRaoAndKeepTheFeeInThePool() {
        final double staked = 10.0 - 50_000e-9;
        final double out = 4000.0 * staked / (1000.0 + staked);
        final Map<String, Object> q = json("--era", "launch-2025-02", "--tao-reserve", "1000",
                "--alpha-reserve", "4000", "--stake", "10");
        assertAll(
                () -> assertEquals(out, number(q, "amount_out"), 1e-11),
                () -> assertEquals(50_000e-9, number(q, "fee"), 1e-18),
                () -> assertEquals(1010.0 / (4000.0 - out), number(q, "price_after"), 1e-14));
    }

    @Test
    void flatFeeUnstakeShouldTakeTheFeeFromTheTaoOut() {
        final double gross = 1000.0 * 10.0 / 4010.0;
        final Map<String, Object> q = json("--era", "ema-ramp-2025-03", "--tao-reserve", "1000",
                "--alpha-reserve", "4000", "--unstake", "10");
        assertAll(
                () -> assertEquals(gross - 50_000e-9, number(q, "amount_out"), 1e-12),
                () -> assertEquals((1000.0 - gross + 50_000e-9) / 4010.0, number(q, "price_after"), 1e-15));
    }

    @Test
    void anExplicitFeeRateShouldReplaceTheFlatFee() {
        final double fee = 10.0 * 196.0 / 65535.0;
        final double out = 4000.0 * (10.0 - fee) / (1010.0 - fee);
        final Map<String, Object> q = json("--era", "launch-2025-02", "--tao-reserve", "1000",
                "--alpha-reserve", "4000", "--stake", "10", "--fee-rate", "196");
        assertAll(
                () -> assertEquals(fee, number(q, "fee"), 1e-15),
                () -> assertEquals(out, number(q, "amount_out"), 1e-11));
    }

    @Test
    void raoQuotesShouldFloorAsTheChain() {
        // fee = floor(1e10·floor(33·2^64/65535)/2^64) = 5,035,477; out = floor(4e12·(1 − e)), e from
        // floor(1e18·y/(y+Δ)); price after floor(1e9·y'/x')
        final CliRun run = quote("--era", "price-burn-2026-06", "--tao-reserve", "1000000000000",
                "--alpha-reserve", "4000000000000", "--stake", "10000000000", "--rao", "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertAll(
                () -> assertTrue(run.out().contains("\"amount_out\": 39584215264"), run.out()),
                () -> assertTrue(run.out().contains("\"fee\": 5035477"), run.out()),
                () -> assertTrue(run.out().contains("\"price_after\": 255022457"), run.out()));
    }

    @Test
    void aFeeOnAnExactMultipleOf65535ShouldLoseOneRaoAsTheChain() {
        // 131,070,000 rao · 33/65535 = 66,000 exactly; the rate truncated to U64F64 gives 65,999
        final Map<String, Object> q = json("--era", "capped-2025-12", "--tao-reserve", "1000000000000",
                "--alpha-reserve", "4000000000000", "--stake", "131070000", "--rao");
        assertEquals(65_999.0, number(q, "fee"));
    }

    @Test
    void flatFeeRaoQuotesShouldFloorTheU110F18ConstantProduct() {
        final Map<String, Object> stake = json("--era", "launch-2025-02", "--tao-reserve", "1000000000000",
                "--alpha-reserve", "4000000000000", "--stake", "10000000000", "--rao");
        final Map<String, Object> unstake = json("--era", "launch-2025-02", "--tao-reserve", "1000000000000",
                "--alpha-reserve", "4000000000000", "--unstake", "10000000000", "--rao");
        assertAll(
                () -> assertEquals(39_603_764_336.0, number(stake, "amount_out")),
                () -> assertEquals(50_000.0, number(stake, "fee")),
                () -> assertEquals(2_493_715_586.0, number(unstake, "amount_out")));
    }

    @Test
    void aLimitOrderShouldReportTheMaximumAndFillUpToTheLimit() {
        // w2 = 0.25, p = 0.75 → limit 0.8: Δ = y·((0.8/0.75)^0.75 − 1), max = Δ·(1 + 33/(65535 − 33))
        final double delta = 1000.0 * (Math.pow(0.8 / 0.75, 0.75) - 1.0);
        final double max = delta * (1.0 + 33.0 / (65535.0 - 33.0));
        final double out = 4000.0 * (1.0 - Math.cbrt(1000.0 / (1000.0 + delta)));
        final Map<String, Object> q = json("--era", "price-burn-2026-06", "--tao-reserve", "1000",
                "--alpha-reserve", "4000", "--weight-quote", "0.25", "--stake", "100", "--limit-price", "0.8");
        assertAll(
                () -> assertEquals(max, number(q, "max_amount"), 1e-10),
                () -> assertEquals(out, number(q, "amount_out"), 1e-10),
                () -> assertEquals(delta * 33.0 / (65535.0 - 33.0), number(q, "fee"), 1e-14),
                () -> assertEquals(0.8, number(q, "price_after"), 1e-14));
    }

    @Test
    void aSmallLimitOrderShouldFillCompletely() {
        final Map<String, Object> q = json("--era", "price-burn-2026-06", "--tao-reserve", "1000",
                "--alpha-reserve", "4000", "--stake", "10", "--limit-price", "0.3");
        final double delta = 10.0 * (1.0 - FEE_33);
        // w2 = 0.5: max = y·(sqrt(0.3/0.25) − 1)·65535/65502
        assertAll(
                () -> assertEquals(4000.0 * delta / (1000.0 + delta), number(q, "amount_out"), 1e-11),
                () -> assertEquals(1000.0 * (Math.sqrt(1.2) - 1.0) * 65535.0 / 65502.0, number(q, "max_amount"),
                        1e-10));
    }

    @Test
    void anUnstakeLimitShouldStopThePriceAtTheLimit() {
        // w2 = 0.5, p = 0.25 → 0.2: Δx = x·(sqrt(0.25/0.2) − 1); the alpha fee f = Δx·33/65502 then sold
        // fee-free for the block author moves the price to 0.2·(x'/(x' + f))², x' = x + Δx
        final double delta = 4000.0 * (Math.sqrt(1.25) - 1.0);
        final double fee = delta * 33.0 / 65502.0;
        final double resale = (4000.0 + delta) / (4000.0 + delta + fee);
        final Map<String, Object> q = json("--era", "price-burn-2026-06", "--tao-reserve", "1000",
                "--alpha-reserve", "4000", "--unstake", "1000", "--limit-price", "0.2");
        assertAll(
                () -> assertEquals(delta * 65535.0 / 65502.0, number(q, "max_amount"), 1e-9),
                () -> assertEquals(0.2 * resale * resale, number(q, "price_after"), 1e-14),
                () -> assertEquals(1000.0 * delta / (4000.0 + delta), number(q, "amount_out"), 1e-10));
    }

    @Test
    void anUnstakeLimitOfZeroShouldAllowTheLargestSupportedInput() {
        // test_max_amount_remove_dynamic (10e9, 10e9, 0) and (200e9, 100e9, 0): get_max_amount_remove probes
        // 1000 × SubnetAlphaIn, and a limit of 0 rao per alpha stops none of it
        for (final String[] pool : new String[][] {{"10000000000", "10000000000"}, {"200000000000", "100000000000"}}) {
            final Map<String, Object> q = json("--era", "price-burn-2026-06", "--tao-reserve", pool[0],
                    "--alpha-reserve", pool[1], "--unstake", "5000000", "--limit-price", "0", "--rao");
            assertEquals(1000.0 * Double.parseDouble(pool[1]), number(q, "max_amount"), 0.0, String.join(",", pool));
        }
        // the V3 eras probe with u64::MAX rao: in TAO, 2^64 − 1 rao (a number JSON can hold)
        final Map<String, Object> v3 = json("--era", "netflow-2026-05", "--tao-reserve", "100", "--alpha-reserve",
                "100", "--unstake", "10", "--limit-price", "0");
        assertEquals(18_446_744_073.709_551_615, number(v3, "max_amount"), 1e-3);
    }

    @Test
    void aRejectedLimitOrderShouldStillShowTheChainsMaximumInText() {
        // the maximum is computed before the minimum-stake check that rejects the call (remove_stake_limit);
        // test_max_amount_remove_dynamic (1e6, 1e6, 2.5e8): 1,010,000 within its 1 %
        final CliRun run = CliRun.of("quote", "--era", "price-burn-2026-06", "--tao-reserve", "1000000",
                "--alpha-reserve", "1000000", "--unstake", "1000", "--limit-price", "250000000", "--rao");
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.out().contains("AmountTooLow"), run.out());
        final java.util.regex.Matcher max = java.util.regex.Pattern.compile("max amount: +(\\d+) rao").matcher(run.out());
        assertTrue(max.find(), run.out());
        assertEquals(1_010_000.0, Double.parseDouble(max.group(1)), 10_100.0, run.out());
    }

    @Test
    void aRejectedLimitOrderShouldShowTheChainsMaximumInJsonToo() {
        // as above: the chain's maximum (1,010,000 within 1 %) next to the error that rejects the call
        final CliRun run = quote("--era", "price-burn-2026-06", "--tao-reserve", "1000000", "--alpha-reserve",
                "1000000", "--unstake", "1000", "--limit-price", "250000000", "--rao", "--json");
        final Map<String, Object> q = JsonReader.readObject(run.out());
        assertAll(
                () -> assertEquals(QuoteCommand.EXIT_CHAIN_ERROR, run.exitCode(), run.err()),
                () -> assertEquals(Set.of("error", "max_amount"), q.keySet()),
                () -> assertEquals("AmountTooLow", q.get("error")),
                () -> assertEquals(1_010_000.0, number(q, "max_amount"), 10_100.0));
    }

    @Test
    void raoAmountsShouldSpanTheChainsU64() {
        // test_max_amount_add_dynamic (u64::MAX/2, u64::MAX, u64::MAX) and test_max_amount_remove_dynamic
        // (21e15, 21e15, 0): both maxima are u64::MAX, printed as the unsigned number
        final CliRun add = quote("--era", "price-burn-2026-06", "--tao-reserve", "9223372036854775807",
                "--alpha-reserve", "18446744073709551615", "--stake", "1000000000", "--limit-price",
                "18446744073709551615", "--rao", "--json");
        final CliRun remove = quote("--era", "price-burn-2026-06", "--tao-reserve", "21000000000000000",
                "--alpha-reserve", "21000000000000000", "--unstake", "1000000000", "--limit-price", "0", "--rao",
                "--json");
        final CliRun tooLarge = quote("--era", "price-burn-2026-06", "--tao-reserve", "1000", "--alpha-reserve",
                "18446744073709551616", "--stake", "1000000000", "--rao");
        assertAll(
                () -> assertEquals(0, add.exitCode(), add.err()),
                () -> assertTrue(add.out().contains("\"max_amount\": 18446744073709551615"), add.out()),
                () -> assertEquals(0, remove.exitCode(), remove.err()),
                () -> assertTrue(remove.out().contains("\"max_amount\": 18446744073709551615"), remove.out()),
                () -> assertEquals(Main.EXIT_BAD_INPUT, tooLarge.exitCode()),
                () -> assertTrue(tooLarge.err().contains("alpha-reserve")
                        && tooLarge.err().contains("[0, 18446744073709551615]"), tooLarge.err()));
    }

    /** test_max_amount_add_dynamic and test_max_amount_remove_dynamic's pools below the runtime's 1e6 rao. */
    static Stream<Arguments> tinyMockPools() {
        return Stream.of(
                Arguments.of("--stake", "100", "1100000000", 4L),
                Arguments.of("--stake", "1000", "1100000000", 48L),
                Arguments.of("--stake", "10000", "1100000000", 488L),
                Arguments.of("--unstake", "1000", "0", 1_000_000L),
                Arguments.of("--unstake", "1001", "1001", 1_001_000L),
                Arguments.of("--unstake", "1001", "10000", 17_472L),
                Arguments.of("--unstake", "1001", "1000000", 17_472L),
                Arguments.of("--unstake", "1001", "10000000", 9_013L),
                Arguments.of("--unstake", "1001", "100000000", 2_165L));
    }

    @ParameterizedTest(name = "{0} on ({1}, {1}), limit {2}: {3}")
    @MethodSource("tinyMockPools")
    void theMocksMinimumReserveShouldReproduceTheChainsTinyPoolMaxima(final String side, final String reserve,
                                                                       final String limit, final long expected) {
        // the subtensor mock's SwapMinimumReserve is 100 rao; the runtime's 1e6 rejects these pools. The maxima
        // agree exactly (the chain's tests allow 0.01 % on a stake, 1 % on an unstake)
        final List<String> args = List.of("--era", "price-burn-2026-06", "--tao-reserve", reserve,
                "--alpha-reserve", reserve, side, reserve, "--limit-price", limit, "--rao", "--json");
        final List<String> mock = new ArrayList<>(args);
        mock.addAll(List.of("--minimum-reserve", "1e2"));
        final CliRun withMock = quote(mock.toArray(String[]::new));
        final CliRun runtime = quote(args.toArray(String[]::new));
        final Map<String, Object> q = JsonReader.readObject(withMock.out());
        assertAll(
                // each order is below the minimum stake; the maximum is computed before that check
                () -> assertEquals("AmountTooLow", q.get("error"), withMock.out() + withMock.err()),
                () -> assertEquals((double) expected, number(q, "max_amount"), 0.0, withMock.out()),
                () -> assertEquals(QuoteCommand.EXIT_CHAIN_ERROR, runtime.exitCode()),
                () -> assertEquals("ReservesTooLow", JsonReader.readObject(runtime.out()).get("error")));
    }

    static Stream<Arguments> swapBasicOrders() {
        return Stream.of(Arguments.of("--stake", 1_000L), Arguments.of("--stake", 2_000L),
                Arguments.of("--stake", 123_456L), Arguments.of("--unstake", 1_000L),
                Arguments.of("--unstake", 123_456L));
    }

    @ParameterizedTest(name = "{0} {1} rao")
    @MethodSource("swapBasicOrders")
    void withoutTheMinimumStakeSmallOrdersShouldGiveTheSwapPalletsOutput(final String side, final long amount) {
        // swap pallet tests.rs test_swap_basic: y = 1e9, x = 4e9, fee 33/65535 floored from the input, output
        // by the test's own f64 formula within 1 rao; below DefaultMinStake the staking pallet refuses them
        final List<String> args = List.of("--era", "price-burn-2026-06", "--tao-reserve", "1000000000",
                "--alpha-reserve", "4000000000", side, Long.toString(amount), "--rao", "--minimum-reserve", "1");
        final double net = amount - Math.floor(amount * 33.0 / 65535.0);
        final double expected = side.equals("--stake") ? Math.floor(4e9 * (1.0 - 1e9 / (1e9 + net)))
                : Math.floor(1e9 * (1.0 - 4e9 / (4e9 + net)));
        final List<String> swapOnly = new ArrayList<>(args);
        swapOnly.addAll(List.of("--min-stake", "0"));
        final Map<String, Object> q = json(swapOnly.toArray(String[]::new));
        final List<String> staking = new ArrayList<>(args);
        staking.add("--json");
        final CliRun refused = quote(staking.toArray(String[]::new));
        assertAll(
                () -> assertEquals(expected, number(q, "amount_out"), 1.0, q.toString()),
                () -> assertEquals(QuoteCommand.EXIT_CHAIN_ERROR, refused.exitCode(), refused.out()),
                () -> assertEquals("AmountTooLow", JsonReader.readObject(refused.out()).get("error")));
    }

    @Test
    void anUnstakeWhoseAlphaFeeResellsForNothingShouldFailAsTheStakingPalletDoes() {
        // test_swap_basic's third sell, 2000 alpha, pays a 1-alpha fee; unstake_from_subnet re-sells it for the
        // block author at 0.25 rao, floored to 0: the swap step's ReservesTooLow fails the call, minimum stake or not
        final Map<String, Object> q = JsonReader.readObject(quote("--era", "price-burn-2026-06", "--tao-reserve",
                "1000000000", "--alpha-reserve", "4000000000", "--unstake", "2000", "--rao", "--minimum-reserve", "1",
                "--min-stake", "0", "--json").out());
        final Map<String, Object> feeFree = json("--era", "price-burn-2026-06", "--tao-reserve", "1000000000",
                "--alpha-reserve", "4000000000", "--unstake", "2000", "--rao", "--minimum-reserve", "1",
                "--min-stake", "0", "--fee-rate", "0");
        assertAll(
                () -> assertEquals("ReservesTooLow", q.get("error")),
                () -> assertEquals(Math.floor(1e9 * (1.0 - 4e9 / (4e9 + 2000))), number(feeFree, "amount_out"), 1.0));
    }

    @Test
    void theMinimumStakeShouldBeTheLeastAStakeAndItsFeeMayBe() {
        // validate_add_stake: amount ≥ min stake + the fee a minimum stake pays (flat 50,000 rao in the launch era)
        final List<String> pool = List.of("--era", "launch-2025-02", "--tao-reserve", "1000000000000",
                "--alpha-reserve", "1000000000000", "--rao", "--min-stake", "3000000", "--json");
        final List<String> atLeast = new ArrayList<>(pool);
        atLeast.addAll(List.of("--stake", "3050000"));
        final List<String> below = new ArrayList<>(pool);
        below.addAll(List.of("--stake", "3049999"));
        assertAll(
                () -> assertEquals(0, quote(atLeast.toArray(String[]::new)).exitCode()),
                () -> assertEquals("AmountTooLow",
                        JsonReader.readObject(quote(below.toArray(String[]::new)).out()).get("error")));
    }

    @ParameterizedTest(name = "{0} on ({1}, {2}), limit {3}: {4}")
    @CsvSource({
        // test_max_amount_add_dynamic at bac82463393b51d9383bbc53cb538b41803df727, epsilon v/100 = 0
        "--stake, 100, 100, 1100000000, 4",
        "--stake, 1000, 1000, 1100000000, 48",
        "--stake, 150000000000, 100000000000, 1500000000, 5",
        "--stake, 150000000000, 100000000000, 1500000001, 51",
        "--stake, 150000000000, 100000000000, 1499999999, PriceLimitExceeded",
        "--stake, 9223372036854775807, 18446744073709551615, 18446744073709551615, 18446744073709551615",
        // test_max_amount_remove_dynamic at the same commit, epsilon 0 and 2
        "--unstake, 200000000000, 100000000000, 1999999999, 24",
        "--unstake, 200000000000, 100000000000, 1999999990, 252",
        "--unstake, 200000000000, 100000000000, 2000000000, PriceLimitExceeded",
        "--unstake, 0, 1000000000, 100, ReservesTooLow",
        "--unstake, 10000000000, 10000000000, 0, 18446744073709551615"})
    void v3MaximaShouldBeTheChainsToTheRao(final String side, final String tao, final String alpha,
                                           final String limit, final String chain) {
        // the V3 pallet's fixed point (U64F64, √p by bisection: ε 1e-12 for the pool, 1e-10 for the limit) on the
        // subtensor mock's SwapMinimumReserve of 100 rao; a limit at the price (1.5) is above the pool's √p
        final CliRun run = quote("--era", "taoflow-2025-11", "--tao-reserve", tao, "--alpha-reserve", alpha, side,
                "10000000", "--limit-price", limit, "--rao", "--minimum-reserve", "100", "--json");
        final Map<String, Object> q = JsonReader.readObject(run.out());
        if (chain.chars().allMatch(Character::isDigit)) {
            final java.util.regex.Matcher max = java.util.regex.Pattern.compile("\"max_amount\": (\\d+)")
                    .matcher(run.out());
            assertTrue(max.find(), run.out());
            assertEquals(chain, max.group(1), run.out());
        } else {
            assertEquals(chain, q.get("error"), run.out());
            assertTrue(!q.containsKey("max_amount"), run.out());
        }
    }

    @ParameterizedTest(name = "{0} {1} rao: {2}")
    @CsvSource({"--stake, 1000, 3990", "--unstake, 1000, 250", "--stake, 500000000, 2000000000"})
    void v3SwapBasicShouldPayTheSwapPalletsOutput(final String side, final String amount, final long output) {
        // swap pallet tests.rs test_swap_basic at bac8246: the mock's 1e12 : 4e12 rao pool, SwapMinimumReserve 1,
        // output within 1 %; as a staking call with the minimum stake 0 (the limits 1000 and 0.0001 do not bind)
        final Map<String, Object> q = json("--era", "taoflow-2025-11", "--tao-reserve", "1000000000000",
                "--alpha-reserve", "4000000000000", side, amount, "--rao", "--minimum-reserve", "1", "--min-stake", "0");
        assertEquals(output, number(q, "amount_out"), output / 100, q.toString());
    }

    @Test
    void v3StakingTestsShouldQuoteAsTheChainsThroughTheCli() {
        // staking.rs at bac8246: test_add_stake_limit_ok (900 TAO, limit 24 on 150:100: 75 alpha ± 0.1 %, the
        // price ~24 ± 0.001), test_remove_stake_full_limit_ok (10 alpha of 100:100 at limit 0.09, fill or kill:
        // 9.086 TAO ± 0.001) and _fails_slippage_too_high (limit 0.91)
        final Map<String, Object> stake = json("--era", "taoflow-2025-11", "--tao-reserve", "150000000000",
                "--alpha-reserve", "100000000000", "--stake", "900000000000", "--limit-price", "24000000000", "--rao");
        final Map<String, Object> unstake = json("--era", "taoflow-2025-11", "--tao-reserve", "100000000000",
                "--alpha-reserve", "100000000000", "--unstake", "10000000000", "--limit-price", "90000000",
                "--fill-or-kill", "--rao");
        final Map<String, Object> slippage = JsonReader.readObject(quote("--era", "taoflow-2025-11",
                "--tao-reserve", "100000000000", "--alpha-reserve", "100000000000", "--unstake", "10000000000",
                "--limit-price", "910000000", "--fill-or-kill", "--rao", "--json").out());
        assertAll(
                () -> assertEquals(75_000_000_000.0, number(stake, "amount_out"), 75_000_000.0),
                () -> assertEquals(24e9, number(stake, "price_after"), 0.001e9),
                () -> assertEquals(9_086_000_000.0, number(unstake, "amount_out"), 1_000_000.0),
                () -> assertEquals("SlippageTooHigh", slippage.get("error")));
    }

    @ParameterizedTest(name = "({0}, {0}) rao")
    @CsvSource({"1000, 4308000000000", "1001, 4310000000000"})
    void aV3UnstakeLimitedAtZeroShouldStopAtTheLowestTick(final long reserve, final long chainLiteral) {
        // staking tests.rs test_max_amount_remove_dynamic at bac8246 (V3, "empirical" maxima within 1 %): a limit
        // of 0 stops at TickIndex::MIN's price 1.0001^-443636, alpha in x·(1/√p_min − 1), plus the fee on top
        final Map<String, Object> q = JsonReader.readObject(quote("--era", "taoflow-2025-11", "--tao-reserve",
                Long.toString(reserve), "--alpha-reserve", Long.toString(reserve), "--unstake", Long.toString(reserve),
                "--limit-price", "0", "--rao", "--minimum-reserve", "1", "--json").out());
        final String tao = Double.toString(reserve / 1e9);
        final Map<String, Object> inTao = json("--era", "taoflow-2025-11", "--tao-reserve", tao, "--alpha-reserve", tao,
                "--unstake", "1e-7", "--limit-price", "0", "--minimum-reserve", "1", "--min-stake", "0");
        final double edge = (reserve / Math.pow(1.0001, -443_636 / 2.0) - reserve) * 65535.0 / 65502.0;
        assertAll(
                () -> assertEquals(edge, number(q, "max_amount"), edge * 1e-6),
                () -> assertEquals(chainLiteral, number(q, "max_amount"), chainLiteral * 0.01),
                () -> assertEquals(edge / 1e9, number(inTao, "max_amount"), edge / 1e9 * 1e-6));
    }

    static Stream<Arguments> emptyReserves() {
        final List<Arguments> cases = new ArrayList<>();
        for (final String era : List.of("launch-2025-02", "subsidy-2025-07", "capped-2025-12", "price-burn-2026-06")) {
            for (final String[] reserves : new String[][] {{"0", "1000000000"}, {"1000000000", "0"}, {"0", "0"}}) {
                for (final String side : List.of("--stake", "--unstake")) {
                    for (final boolean limited : new boolean[] {false, true}) {
                        cases.add(Arguments.of(era, reserves[0], reserves[1], side, limited));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} ({1}, {2}) {3}, limit {4}")
    @MethodSource("emptyReserves")
    void anEmptyReserveShouldGetTheChainsErrorNotATrade(final String era, final String tao, final String alpha,
                                                         final String side, final boolean limited) {
        // staking tests.rs test_max_amount_remove_dynamic, "Zero handling (no panics)": an empty side is a state
        // the chain can be in; its checks refuse every order (nothing is paid out of an empty pool)
        final List<String> args = new ArrayList<>(List.of("--era", era, "--tao-reserve", tao, "--alpha-reserve",
                alpha, side, "1000000000", "--rao", "--json"));
        if (limited) {
            args.addAll(List.of("--limit-price", "100"));
        }
        final CliRun run = quote(args.toArray(String[]::new));
        final Map<String, Object> q = JsonReader.readObject(run.out());
        assertAll(
                () -> assertEquals(QuoteCommand.EXIT_CHAIN_ERROR, run.exitCode(), run.out() + run.err()),
                () -> assertTrue(q.get("error") instanceof String && !q.containsKey("amount_out"), run.out()));
        if (limited && side.equals("--unstake") && tao.equals("0") && !alpha.equals("0") && !era.startsWith("launch")) {
            // the subsidy era's test (6309d3592) expects the error its get_max_amount_remove mapped everything to
            assertEquals(era.startsWith("subsidy") ? "ZeroMaxStakeAmount" : "ReservesTooLow", q.get("error"),
                    "the test's (0, 1e9, limit 100) row");
        }
        if (limited && side.equals("--unstake") && !tao.equals("0") && alpha.equals("0")
                && era.equals("price-burn-2026-06")) {
            // the limit question first, although remove_stake_limit's input check would fail too
            assertEquals("PriceLimitExceeded", q.get("error"), "the test's (1e9, 0, limit 100) row");
        }
    }

    @Test
    void aRaoLimitOrderShouldMatchTheChainsMaximum() {
        final Map<String, Object> q = json("--era", "price-burn-2026-06", "--tao-reserve", "1000000000000",
                "--alpha-reserve", "4000000000000", "--weight-quote", "0.25", "--stake", "10000000000",
                "--limit-price", "800000000", "--rao");
        // get_max_amount_add = calculate_quote_delta_in + floor(Δ·33/65502); agrees with the doubles to a rao
        final double delta = 1e12 * (Math.pow(0.8 / 0.75, 0.75) - 1.0);
        assertEquals(delta * 65535.0 / 65502.0, number(q, "max_amount"), 2.0);
    }

    @Test
    void feesToBlockAuthorOffShouldKeepTheCappedErasAlphaFeeInThePool() {
        // unstake 100 alpha at fee 33/65535: Δ = 100·(1 − f) into the pool, out = 1000·Δ/(4000 + Δ); from
        // 2026-03-11 (switch on) the fee alpha is then sold fee-free for the block author
        final double fee = 100.0 * FEE_33;
        final double delta = 100.0 - fee;
        final double out = 1000.0 * delta / (4000.0 + delta);
        final double authorTao = (1000.0 - out) * fee / (4000.0 + delta + fee);
        final String[] unstake = {"--era", "capped-2025-12", "--tao-reserve", "1000", "--alpha-reserve", "4000",
            "--unstake", "100"};
        final Map<String, Object> on = json(unstake);
        final List<String> offArgs = new ArrayList<>(Arrays.asList(unstake));
        offArgs.addAll(List.of("--switch", "fees-to-block-author=off"));
        final Map<String, Object> off = json(offArgs.toArray(String[]::new));
        assertAll(
                () -> assertEquals(out, number(off, "amount_out"), 1e-11),
                () -> assertEquals(out, number(on, "amount_out"), 1e-11),
                () -> assertEquals((1000.0 - out) / (4000.0 + delta), number(off, "price_after"), 1e-14),
                () -> assertEquals((1000.0 - out - authorTao) / (4000.0 + delta + fee), number(on, "price_after"),
                        1e-14));
        // in rao the switch off gives the taoflow era's pallet code (bac8246), limit order included
        final List<String> rao = List.of("--tao-reserve", "1000000000000", "--alpha-reserve", "4000000000000",
                "--unstake", "2000", "--min-stake", "0", "--limit-price", "240000000", "--rao", "--json");
        final List<String> cappedOff = new ArrayList<>(List.of("--era", "capped-2025-12", "--switch",
                "fees-to-block-author=off"));
        cappedOff.addAll(rao);
        final List<String> taoflow = new ArrayList<>(List.of("--era", "taoflow-2025-11"));
        taoflow.addAll(rao);
        final List<String> cappedOn = new ArrayList<>(List.of("--era", "capped-2025-12"));
        cappedOn.addAll(rao);
        final CliRun a = quote(cappedOff.toArray(String[]::new));
        final CliRun b = quote(taoflow.toArray(String[]::new));
        final CliRun c = quote(cappedOn.toArray(String[]::new));
        assertAll(
                () -> assertEquals(b.out(), a.out()),
                () -> assertEquals(b.exitCode(), a.exitCode()),
                // the 1-rao alpha fee's 0-TAO sale for the author: ReservesTooLow from 7eb6f9bb7 on
                () -> assertEquals("ReservesTooLow", JsonReader.readObject(c.out()).get("error"), c.out()),
                () -> assertEquals(0, a.exitCode(), a.out() + a.err()));
    }

    @Test
    void swapPalletV3OnShouldQuoteTheEmaRampEraOnTheV3PoolAtItsFee() {
        // 2025-06-30: the V3 pallet with DefaultFeeRate 196/65535 of the input; 07-23: 33/65535
        for (final int rate : new int[] {196, 33}) {
            final double f = rate / 65535.0;
            final double delta = 10.0 * (1.0 - f);
            final List<String> args = new ArrayList<>(List.of("--era", "ema-ramp-2025-03", "--tao-reserve", "1000",
                    "--alpha-reserve", "4000", "--stake", "10", "--switch", "swap-pallet-v3=on"));
            if (rate == 33) {
                args.addAll(List.of("--switch", "fee-rate-cut=on"));
            }
            final Map<String, Object> q = json(args.toArray(String[]::new));
            assertAll(
                    () -> assertEquals(4000.0 * delta / (1000.0 + delta), number(q, "amount_out"), 1e-11),
                    () -> assertEquals(10.0 * f, number(q, "fee"), 1e-15));
        }
        // in rao: the V3 eras' arithmetic at that fee
        final List<String> pool = List.of("--tao-reserve", "1000000000000", "--alpha-reserve", "4000000000000",
                "--unstake", "123456789012", "--limit-price", "200000000", "--rao", "--json");
        final List<String> emaRamp = new ArrayList<>(List.of("--era", "ema-ramp-2025-03", "--switch",
                "swap-pallet-v3=on"));
        emaRamp.addAll(pool);
        final List<String> subsidy = new ArrayList<>(List.of("--era", "subsidy-2025-07", "--fee-rate", "196"));
        subsidy.addAll(pool);
        final CliRun a = quote(emaRamp.toArray(String[]::new));
        final CliRun b = quote(subsidy.toArray(String[]::new));
        assertAll(
                () -> assertEquals(0, a.exitCode(), a.out() + a.err()),
                () -> assertEquals(b.out(), a.out()));
    }

    static Stream<Arguments> chainErrors() {
        final List<String> pool = List.of("--tao-reserve", "1000", "--alpha-reserve", "4000");
        return Stream.of(
                err("PriceLimitExceeded", pool, "--era", "price-burn-2026-06", "--stake", "10", "--limit-price", "0.2"),
                // test_stake_into_subnet_prohibitive_limit: a stake's limit of 0 is below any price
                err("PriceLimitExceeded", pool, "--era", "price-burn-2026-06", "--stake", "10", "--limit-price", "0"),
                err("PriceLimitExceeded", pool, "--era", "price-burn-2026-06", "--stake", "10", "--limit-price",
                        "0.25"),
                err("PriceLimitExceeded", pool, "--era", "taoflow-2025-11", "--unstake", "10", "--limit-price", "0.3"),
                // until 2025-11-04 get_max_amount_remove reported its swap's errors as ZeroMaxStakeAmount
                err("ZeroMaxStakeAmount", pool, "--era", "subsidy-2025-07", "--unstake", "10", "--limit-price", "0.3"),
                err("SlippageTooHigh", pool, "--era", "price-burn-2026-06", "--stake", "100", "--limit-price", "0.26",
                        "--fill-or-kill"),
                err("SlippageTooHigh", pool, "--era", "launch-2025-02", "--stake", "100", "--limit-price", "0.26",
                        "--fill-or-kill"),
                err("AmountTooLow", pool, "--era", "price-burn-2026-06", "--stake", "0.002"),
                err("AmountTooLow", pool, "--era", "price-burn-2026-06", "--unstake", "0.007"),
                err("AmountTooLow", pool, "--era", "launch-2025-02", "--stake", "0.00054"),
                // a zero amount is a call the chain answers: below the minimum stake (validate_add_stake), and
                // validate_remove_stake refuses a zero unstake whatever the minimum (bac8246)
                err("AmountTooLow", pool, "--era", "capped-2025-12", "--stake", "0"),
                err("AmountTooLow", pool, "--era", "launch-2025-02", "--unstake", "0", "--min-stake", "0"),
                err("AmountTooLow", pool, "--era", "subsidy-2025-07", "--unstake", "0", "--min-stake", "0"),
                err("AmountTooLow", pool, "--era", "price-burn-2026-06", "--unstake", "0", "--rao"),
                // with no minimum a zero stake passes validate_add_stake's first check and swaps nothing: the
                // simulated swap's zero output is InsufficientLiquidity (bac8246 stake_utils.rs)
                err("InsufficientLiquidity", pool, "--era", "taoflow-2025-11", "--stake", "0", "--min-stake", "0"),
                err("InsufficientLiquidity", List.of("--tao-reserve", "1000000000000", "--alpha-reserve",
                        "4000000000000"), "--era", "price-burn-2026-06", "--stake", "0", "--min-stake", "0", "--rao"),
                err("InsufficientLiquidity", pool, "--era", "price-burn-2026-06", "--stake", "1000001"),
                err("InsufficientLiquidity", List.of("--tao-reserve", "1", "--alpha-reserve", "0.0005"),
                        "--era", "price-burn-2026-06", "--stake", "0.5"),
                err("ReservesTooLow", List.of("--tao-reserve", "1", "--alpha-reserve", "0.0005"),
                        "--era", "price-burn-2026-06", "--stake", "0.5", "--limit-price", "5000"),
                // constant product: the pool would keep less than 1e7 rao of alpha
                err("InsufficientLiquidity", List.of("--tao-reserve", "0.02", "--alpha-reserve", "0.02"),
                        "--era", "launch-2025-02", "--stake", "1"));
    }

    private static Arguments err(final String error, final List<String> pool, final String... args) {
        final List<String> all = new ArrayList<>(pool);
        all.addAll(Arrays.asList(args));
        return Arguments.of(error, all);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("chainErrors")
    void aRejectedCallShouldPrintTheChainsErrorAndExitWithThree(final String error, final List<String> args) {
        final CliRun text = quote(args.toArray(String[]::new));
        final List<String> withJson = new ArrayList<>(args);
        withJson.add("--json");
        final CliRun json = quote(withJson.toArray(String[]::new));
        assertAll(
                () -> assertEquals(QuoteCommand.EXIT_CHAIN_ERROR, text.exitCode(), text.out() + text.err()),
                () -> assertTrue(text.out().contains(error), text.out()),
                () -> assertEquals(QuoteCommand.EXIT_CHAIN_ERROR, json.exitCode()),
                () -> assertEquals(error, JsonReader.readObject(json.out()).get("error")),
                // beside the error only the maximum, and only for a limit order
                () -> assertTrue(Set.of("error", "max_amount").containsAll(JsonReader.readObject(json.out()).keySet())
                        && (args.contains("--limit-price") || JsonReader.readObject(json.out()).size() == 1),
                        json.out()));
    }

    static Stream<Arguments> badInputs() {
        final List<String> pool = List.of("--era", "price-burn-2026-06", "--tao-reserve", "1000",
                "--alpha-reserve", "4000");
        return Stream.of(
                bad(pool, List.of("--stake", "1", "--unstake", "1"), "exactly one of --stake/--unstake"),
                bad(pool, List.of(), "exactly one of --stake/--unstake"),
                bad(pool, List.of("--stake", "-1"), "stake", "-1 is not in [0, 18446744073.709551615]"),
                bad(pool, List.of("--stake", "1", "--weight-quote", "0.995"), "weight-quote", "[0.01, 0.99]"),
                bad(pool, List.of("--stake", "1", "--fee-rate", "10001"), "fee-rate", "[0, 10000]"),
                bad(pool, List.of("--stake", "1", "--limit-price", "-1"), "limit-price", "[0, 18446744073.709551615]"),
                // beyond u64::MAX rao per alpha: the chain's limit price cannot say it
                bad(pool, List.of("--stake", "1", "--limit-price", "1e300"), "limit-price", "u64::MAX rao"),
                // compared as written, not as the nearest double
                bad(pool, List.of("--stake", "1", "--weight-quote", "0.9900000000000000001"), "weight-quote",
                        "0.9900000000000000001 is not in [0.01, 0.99]"),
                bad(pool, List.of("--stake", "1", "--weight-quote", "0.00999999999999999999"), "weight-quote",
                        "[0.01, 0.99]"),
                // digits of other scripts, which BigDecimal would read
                bad(pool, List.of("--stake", "\uFF15"), "--stake", "not a finite decimal number"),
                bad(pool, List.of("--stake", "1", "--fill-or-kill"), "fill-or-kill", "--limit-price"),
                bad(pool, List.of("--stake", "1.5", "--rao"), "stake", "whole number of rao"),
                bad(pool, List.of("--stake", "1", "--minimum-reserve", "0"), "minimum-reserve", "[1, "),
                // one range in every message, the option's: fractions and too-large values alike
                bad(pool, List.of("--stake", "1", "--minimum-reserve", "1.5"), "minimum-reserve",
                        "[1, 1000000000000000000]"),
                bad(pool, List.of("--stake", "1", "--minimum-reserve", "2e18"), "minimum-reserve",
                        "[1, 1000000000000000000]"),
                bad(pool, List.of("--stake", "1", "--min-stake", "0.5"), "min-stake", "[0, 1000000000000000000]"),
                bad(pool, List.of("--stake", "1", "--minimum-reserve", "2e18"), "minimum-reserve", "[1, "),
                bad(pool, List.of("--stake", "1", "--min-stake", "-1"), "min-stake", "[0, "),
                bad(pool, List.of("--stake", "1", "--min-stake", "2e18"), "min-stake", "[0, "),
                // far beyond u64 in a few characters: refused without writing out its digits
                bad(pool, List.of("--stake", "1e100000000", "--rao"), "stake", "1E+100000000", "[0, "),
                bad(pool, List.of("--unstake", "1e-100000000", "--rao"), "unstake", "1E-100000000", "[0, "),
                bad(pool, List.of("--unstake", "-1", "--rao"), "unstake", "[0, "),
                bad(List.of("--era", "subsidy-2025-07", "--tao-reserve", "1000", "--alpha-reserve", "4000"),
                        List.of("--stake", "1", "--weight-quote", "0.25"), "weight-quote", "only 0.5"),
                bad(List.of("--era", "price-burn-2026-06", "--tao-reserve", "0", "--alpha-reserve", "4000"),
                        List.of("--stake", "1"), "tao-reserve", "0 is not in [1e-9, 18446744073.709551615]",
                        "only with --rao"),
                bad(List.of("--era", "capped-2025-12", "--tao-reserve", "1e9", "--alpha-reserve", "1e-300"),
                        List.of("--unstake", "1", "--min-stake", "0"), "alpha-reserve", "1E-300 is not in [1e-9, "),
                bad(List.of("--era", "price-burn-2026-06", "--tao-reserve", "1e30", "--alpha-reserve", "4000"),
                        List.of("--stake", "1"), "tao-reserve",
                        "1000000000000000000000000000000 is not in [1e-9, 18446744073.709551615]"),
                bad(List.of("--era", "bogus", "--tao-reserve", "1", "--alpha-reserve", "1"), List.of("--stake", "1"),
                        "era", "launch-2025-02"),
                bad(List.of("--tao-reserve", "1", "--alpha-reserve", "1"), List.of("--stake", "1"), "--era"),
                bad(pool, List.of("--stake", "abc"), "--stake", "abc", "not a finite decimal number"),
                // not a number at all: the message still names the option and its allowed range
                bad(List.of("--era", "price-burn-2026-06", "--tao-reserve", "NaN", "--alpha-reserve", "4000"),
                        List.of("--stake", "1"), "--tao-reserve", "'NaN' is not a finite decimal number",
                        "[1e-9, 18446744073.709551615]"),
                bad(pool, List.of("--unstake", "Infinity"), "--unstake", "'Infinity'", "alpha to unstake"),
                bad(pool, List.of("--stake", "1", "--limit-price", "-Infinity"), "--limit-price", "[0, u64::MAX rao]"),
                bad(pool, List.of("--stake", "1", "--weight-quote", "half"), "--weight-quote", "[0.01, 0.99]"),
                bad(pool, List.of("--stake", "1", "--fee-rate", "NaN"), "--fee-rate", "[0, 10000]"),
                bad(pool, List.of("--stake", "1", "--min-stake", "1e"), "--min-stake", "[0, 1e18]"),
                bad(pool, List.of("--stake", "1", "--switch", "dynamic-tempo=on"), "switch", "dynamic-tempo",
                        "changes no stake or unstake", "price-burn-2026-06 has no switch that changes swaps"),
                bad(pool, List.of("--stake", "1", "--switch", "fees-to-block-author=off"), "switch",
                        "belongs to era capped-2025-12"),
                bad(pool, List.of("--stake", "1", "--switch", "fees-to-block-author"), "switch", "NAME=on"),
                bad(List.of("--era", "ema-ramp-2025-03", "--tao-reserve", "1000", "--alpha-reserve", "4000"),
                        List.of("--stake", "1", "--switch", "swap-pallet-v3=on", "--switch", "swap-pallet-v3=off"),
                        "switch: swap-pallet-v3 is given twice"),
                bad(List.of("--era", "capped-2025-12", "--tao-reserve", "1000", "--alpha-reserve", "4000"),
                        List.of("--stake", "1", "--switch", "fees-to-author=off"), "switch", "'fees-to-author'",
                        "capped-2025-12 that change swaps: fees-to-block-author"),
                bad(List.of("--era", "ema-ramp-2025-03", "--tao-reserve", "1000", "--alpha-reserve", "4000"),
                        List.of("--stake", "1", "--switch", "fee-rate-cut=on"), "fee-rate-cut=on needs",
                        "swap-pallet-v3=on"),
                // within every range, but the exact price after (1.8e10 TAO into 1 rao of TAO) is beyond doubles:
                // refused before anything is printed, text or JSON
                bad(List.of("--era", "launch-2025-02", "--tao-reserve", "1e-9", "--alpha-reserve", "18446744073"),
                        List.of("--stake", "18446744073", "--min-stake", "0", "--minimum-reserve", "1"),
                        "price_after would be Infinity", "beyond what TAO-mode doubles resolve", "--rao"),
                bad(List.of("--era", "launch-2025-02", "--tao-reserve", "1e-9", "--alpha-reserve", "18446744073"),
                        List.of("--stake", "18446744073", "--min-stake", "0", "--minimum-reserve", "1", "--json"),
                        "price_after would be Infinity"));
    }

    /**
     * add_stake.rs and remove_stake.rs at f9254ea63 compute the maximum in u64 rao (RaoQuoter clamps it there): a
     * limit far above the price, or just above 0 on an unstake, gives u64::MAX rao in TAO mode too.
     */
    @Test
    void constantProductMaximumShouldStopAtU64Rao() {
        final Map<String, Object> add = json("--era", "launch-2025-02", "--tao-reserve", "1000", "--alpha-reserve",
                "5000", "--stake", "1", "--limit-price", "1e9");
        final Map<String, Object> remove = json("--era", "ema-ramp-2025-03", "--tao-reserve", "1000",
                "--alpha-reserve", "5000", "--unstake", "1", "--limit-price", "1e-12");
        final CliRun addRao = quote("--era", "launch-2025-02", "--tao-reserve", "1000000000000",
                "--alpha-reserve", "5000000000000", "--stake", "1000000000", "--limit-price", "1000000000000000000",
                "--rao", "--json");
        assertAll(
                () -> assertEquals(PoolReserves.MAX_RESERVE, number(add, "max_amount"), 0.0),
                () -> assertEquals(PoolReserves.MAX_RESERVE, number(remove, "max_amount"), 0.0),
                () -> assertTrue(addRao.out().contains("\"max_amount\": 18446744073709551615"), addRao.out()));
    }

    private static Arguments bad(final List<String> pool, final List<String> args, final String... fragments) {
        final List<String> all = new ArrayList<>(pool);
        all.addAll(args);
        return Arguments.of(all, List.of(fragments));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputShouldExitWithTwoAndNameTheOption(final List<String> args, final List<String> fragments) {
        final CliRun run = quote(args.toArray(String[]::new));
        assertAll(
                () -> assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), run.out() + run.err()),
                () -> assertEquals("", run.out(), "stdout"),
                () -> assertTrue(fragments.stream().allMatch(run.err()::contains),
                        () -> "stderr should name " + fragments + ": " + run.err()));
    }

    @Test
    void jsonShouldHoldExactlyTheQuoteKeys() {
        final Map<String, Object> plain = json("--era", "price-burn-2026-06", "--tao-reserve", "1000",
                "--alpha-reserve", "4000", "--stake", "10");
        final Map<String, Object> limited = json("--era", "price-burn-2026-06", "--tao-reserve", "1000",
                "--alpha-reserve", "4000", "--stake", "10", "--limit-price", "0.3");
        assertAll(
                () -> assertEquals(Set.of("amount_out", "fee", "price_after"), plain.keySet()),
                () -> assertEquals(Set.of("amount_out", "fee", "price_after", "max_amount"), limited.keySet()));
    }

    @Test
    void textOutputShouldNameAmountsFeeAndPrice() {
        final CliRun run = quote("--era", "price-burn-2026-06", "--tao-reserve", "1000", "--alpha-reserve", "4000",
                "--stake", "10", "--limit-price", "0.3");
        assertAll(
                () -> assertEquals(0, run.exitCode(), run.err()),
                () -> assertTrue(run.out().contains("amount out:"), run.out()),
                () -> assertTrue(run.out().contains("fee:"), run.out()),
                () -> assertTrue(run.out().contains("price after:"), run.out()),
                () -> assertTrue(run.out().contains("max amount:"), run.out()));
    }

    /** The maximum is the chain's answer, which is not always the amount that ends at the limit: it says so. */
    @Test
    void textOutputShouldSayWhatKindOfMaximumItIs() {
        // launch era: max(0, limit·x − y) = 0.0201·50,000 − 1,000 = 5 TAO, past the exact 2.498
        final CliRun linear = quote("--era", "launch-2025-02", "--tao-reserve", "1000", "--alpha-reserve", "50000",
                "--stake", "10", "--limit-price", "0.0201");
        final CliRun unlimited = quote("--era", "capped-2025-12", "--tao-reserve", "1000", "--alpha-reserve",
                "50000", "--unstake", "500", "--limit-price", "0");
        final CliRun exact = quote("--era", "price-burn-2026-06", "--tao-reserve", "1000", "--alpha-reserve",
                "50000", "--stake", "10", "--limit-price", "0.0201");
        assertAll(
                () -> assertTrue(linear.out().contains("max amount:  5.0 TAO (the chain's largest at the limit"
                        + " 0.0201 TAO/alpha; this era's linear formula limit·alpha_in − tao_in, the price can end"
                        + " past it)"),
                        linear.out()),
                () -> assertTrue(unlimited.out().contains("u64::MAX rao: the limit holds nothing back)"),
                        unlimited.out()),
                () -> assertTrue(exact.out().contains("(the chain's largest at the limit 0.0201 TAO/alpha)"),
                        exact.out()));
    }

    @Test
    void helpShouldDocumentTheFlatFeeDefault() {
        final CliRun run = quote("--help");
        final String text = run.out().replaceAll("\\s+", " ");
        assertAll(
                () -> assertEquals(0, run.exitCode()),
                () -> assertTrue(text.contains("the default is the flat 50,000-rao fee"), text),
                () -> assertTrue(text.contains("an explicit --fee-rate replaces it"), text));
    }
}
