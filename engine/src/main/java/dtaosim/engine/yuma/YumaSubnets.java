package dtaosim.engine.yuma;

import dtaosim.engine.run.PathOutcomes;
import dtaosim.engine.state.BatchState;

/**
 * The Yuma subnets of one batch: their neurons as struct-of-arrays over the batch's paths and the epoch that
 * splits each drained subnet's alpha (mechanics §4). Bound once per batch ({@link #bind}); {@link #afterChainStep}
 * runs after the chain's block step and before the market, so sellers see what Yuma paid. Nothing here
 * allocates after binding.
 *
 * <p>At a Yuma subnet's epoch, per path: the validators set weights ({@link ValidatorRole}), the epoch runs on
 * stakes {@code alpha + tw·root}; the miners' half of the pending alpha is split by incentive (all of it to
 * validators when no incentive survives), incentive to the owner's miners is burned (MinerBurned); the
 * validators' part is split by dividends less each validator's root share, and stays staked to the validator
 * (its take and its nominators' part alike). The aggregate {@code drainedAlpha} the market sees loses the burned
 * alpha.
 */
public final class YumaSubnets {
    private static final int ROLES = ValidatorRole.values().length;

    private final BatchState s;
    private final YumaSetup setup;
    private final YumaParams params;
    private final long seed;
    private final YumaEpoch epoch;
    private final int[] indexOfSlot;
    private final SubnetNeurons[] neurons;
    private final ValidatorRole[] roles;
    private final boolean[] allActive;
    private final double[] quality;
    private final double[] scratchStake;
    private final boolean[] scratchPermit;
    // per-path outcome accumulators
    private final double[] validatorEarningsTao;
    private final double[] validatorTakeTao;
    private final double[] minerEarningsTao;
    private final double[] minerBurnedAlpha;
    private final double[] minerIncentiveAlpha;
    private final double[] clippedShareSum;
    private final double[] epochs;
    private final double[] overRaterClipped;
    private final double[] overRaterMass;
    private final double[] yieldPaid;   // [(group·ROLES + role)·paths + p], group 1 = commit-reveal
    private final double[] yieldStake;

    /** Per Yuma subnet: the state of its validators and miners on every path of the batch. */
    private static final class SubnetNeurons {
        final int slot;
        final int lag;
        final int group;
        final double[] alphaStake;
        final double[] rootStake;
        final double[] stakeWeight;
        final boolean[] permit;
        final double[] bonds;
        final double[] consensusHistory;
        final double[] logQuality;
        final double[] holdings;
        final int[] epochs;

        SubnetNeurons(final int slot, final int lag, final boolean commitReveal, final int paths, final int v,
                      final int m) {
            this.slot = slot;
            this.lag = lag;
            this.group = commitReveal ? 1 : 0;
            alphaStake = new double[paths * v];
            rootStake = new double[paths * v];
            stakeWeight = new double[paths * v];
            permit = new boolean[paths * v];
            bonds = new double[Math.multiplyExact(paths, v * m)];
            consensusHistory = new double[paths * lag * m];
            logQuality = new double[paths * m];
            holdings = new double[paths * m];
            epochs = new int[paths];
        }
    }

    private YumaSubnets(final BatchState state, final YumaSetup setup, final long seed) {
        this.s = state;
        this.setup = setup;
        this.params = setup.params();
        this.seed = seed;
        final int paths = state.paths;
        final int v = params.validators();
        final int m = params.miners();
        epoch = new YumaEpoch(params);
        indexOfSlot = new int[state.subnets];
        java.util.Arrays.fill(indexOfSlot, -1);
        neurons = new SubnetNeurons[setup.subnets().size()];
        roles = new ValidatorRole[v];
        for (int i = 0; i < v; i++) {
            roles[i] = setup.role(i);
        }
        allActive = new boolean[paths * v];
        java.util.Arrays.fill(allActive, true);
        quality = new double[m];
        scratchStake = new double[v];
        scratchPermit = new boolean[v];
        validatorEarningsTao = new double[paths];
        validatorTakeTao = new double[paths];
        minerEarningsTao = new double[paths];
        minerBurnedAlpha = new double[paths];
        minerIncentiveAlpha = new double[paths];
        clippedShareSum = new double[paths];
        epochs = new double[paths];
        overRaterClipped = new double[paths];
        overRaterMass = new double[paths];
        yieldPaid = new double[2 * ROLES * paths];
        yieldStake = new double[2 * ROLES * paths];
        for (int k = 0; k < neurons.length; k++) {
            final int slot = setup.subnets().get(k);
            indexOfSlot[slot] = k;
            neurons[k] = new SubnetNeurons(slot, setup.copierLag(slot), setup.commitRevealSubnets().contains(slot),
                    paths, v, m);
            start(neurons[k]);
        }
        state.enableYumaMinerBurned(setup.subnets());
    }

    /** Binds the setup to a batch: allocates its neurons and draws their starting state. */
    public static YumaSubnets bind(final BatchState state, final YumaSetup setup, final long seed) {
        setup.checkSlots(state.subnets);
        return new YumaSubnets(state, setup, seed);
    }

    /** Starting stakes (Zipf over validator slots), permits (top k) and miner quality. */
    private void start(final SubnetNeurons n) {
        final int v = params.validators();
        final int m = params.miners();
        double zipfTotal = 0.0;
        for (int i = 0; i < v; i++) {
            zipfTotal += Math.pow(i + 1.0, -setup.stakeConcentration());
        }
        final double tw = s.protocol.taoWeight();
        for (int p = 0; p < s.paths; p++) {
            final double alphaStaked = setup.stakedFraction() * s.alphaOut[n.slot * s.paths + p];
            final double rootStaked = setup.rootShare() * s.rootStake[p];
            for (int i = 0; i < v; i++) {
                final double share = Math.pow(i + 1.0, -setup.stakeConcentration()) / zipfTotal;
                n.alphaStake[p * v + i] = alphaStaked * share;
                n.rootStake[p * v + i] = rootStaked * share;
                scratchStake[i] = n.alphaStake[p * v + i] + tw * n.rootStake[p * v + i];
            }
            YumaEpoch.topKNonZero(scratchStake, params.maxAllowedValidators(), scratchPermit);
            System.arraycopy(scratchPermit, 0, n.permit, p * v, v);
            final long stream = WeightSetters.stream(seed, WeightSetters.QUALITY_START, s.firstPath + p, n.slot, 0);
            for (int j = 0; j < m; j++) {
                n.logQuality[p * m + j] = setup.qualitySpread() * WeightSetters.gaussian(stream, j);
            }
        }
    }

    /** Runs the epoch of every Yuma subnet that drained in this block (called after the chain's step). */
    public void afterChainStep(final long block) {
        final BatchState st = s;
        for (int d = 0; d < st.drainedCount; d++) {
            final int k = indexOfSlot[st.drainedSubnets[d]];
            if (k >= 0) {
                runEpoch(neurons[k], block);
            }
        }
    }

    private void runEpoch(final SubnetNeurons n, final long block) {
        final BatchState st = s;
        final int paths = st.paths;
        final int v = params.validators();
        final int m = params.miners();
        final double tw = st.protocol.taoWeight();
        final double take = params.validatorTake();
        final int ownerMiners = setup.ownerMiners();
        final double ownerWeight = setup.ownerWeight();
        final int ratedFrom = ownerMiners;
        final int ratedTo = ownerMiners + setup.overRatedMiners();
        final double[] w = epoch.weights();
        for (int p = 0; p < paths; p++) {
            final int c = n.slot * paths + p;
            if (!(st.drainedAlpha[c] > 0.0)) {
                continue;
            }
            final long globalPath = st.firstPath + p;
            final int e = n.epochs[p];
            for (int j = 0; j < m; j++) {
                quality[j] = Math.exp(n.logQuality[p * m + j]);
            }
            // weights
            final long noise = WeightSetters.stream(seed, WeightSetters.HONEST_NOISE, globalPath, n.slot, block);
            final int historyRow = p * n.lag * m + (e % n.lag) * m;
            for (int i = 0; i < v; i++) {
                final int row = i * m;
                switch (roles[i]) {
                    case HONEST -> WeightSetters.honest(w, row, quality, ownerMiners, m, setup.weightNoise(), noise,
                            (long) i * m, 0, 0, 1.0);
                    case OVER_RATER -> WeightSetters.honest(w, row, quality, ownerMiners, m, setup.weightNoise(),
                            noise, (long) i * m, ratedFrom, ratedTo, setup.overRating());
                    case HOLDINGS_SCORER -> WeightSetters.holdings(w, row, n.holdings, p * m, ownerMiners, m);
                    case COPIER -> {
                        if (e >= n.lag) {
                            // the consensus of epoch e − lag (same ring slot as the one this epoch overwrites)
                            System.arraycopy(n.consensusHistory, historyRow, w, row, m);
                            continue; // a copy of consensus already carries the owner's share
                        }
                        WeightSetters.uniform(w, row, ownerMiners, m);
                    }
                    default -> throw new IllegalStateException("role " + roles[i]);
                }
                WeightSetters.withOwnerShare(w, row, ownerMiners, ownerWeight, m);
            }
            // stakes and the epoch
            for (int i = 0; i < v; i++) {
                n.stakeWeight[p * v + i] = n.alphaStake[p * v + i] + tw * n.rootStake[p * v + i];
            }
            epoch.run(n.stakeWeight, p * v, n.permit, allActive, n.bonds, p * v * m);
            System.arraycopy(epoch.consensus(), 0, n.consensusHistory, historyRow, m);
            n.epochs[p] = e + 1;
            pay(n, p, c, take, ownerMiners);
            // miners' quality moves on: a Gaussian step of the log quality per epoch
            if (setup.qualityVolatility() > 0.0) {
                final long step = WeightSetters.stream(seed, WeightSetters.QUALITY_STEP, globalPath, n.slot, block);
                for (int j = 0; j < m; j++) {
                    n.logQuality[p * m + j] += setup.qualityVolatility() * WeightSetters.gaussian(step, j);
                }
            }
        }
    }

    /** mechanics §4: the drained alpha of one cell split by the epoch just run. */
    private void pay(final SubnetNeurons n, final int p, final int c, final double take, final int ownerMiners) {
        final BatchState st = s;
        final int v = params.validators();
        final int m = params.miners();
        final double tw = st.protocol.taoWeight();
        final double[] inc = epoch.incentive();
        double minerPool = st.drainedMinerAlpha[c];
        double validatorPool = st.drainedAlpha[c] - st.drainedOwnerAlpha[c] - minerPool;
        if (epoch.incentiveSum() == 0.0) {
            validatorPool += minerPool; // no incentive: validators also get the server part
            minerPool = 0.0;
        }
        double ownerShare = 0.0;
        for (int j = 0; j < ownerMiners; j++) {
            ownerShare += inc[j];
        }
        final double burned = minerPool * ownerShare;
        st.drainedAlpha[c] -= burned;
        st.drainedMinerAlpha[c] -= burned;
        st.alphaBurned[p] += burned;
        if (st.yumaMinerBurned != null) {
            st.yumaMinerBurned[c] = epoch.incentiveSum() > 0.0 ? ownerShare : 0.0;
        }
        for (int j = ownerMiners; j < m; j++) {
            n.holdings[p * m + j] += minerPool * inc[j];
        }
        // dividends less each validator's root share (calculate_dividend_distribution): alpha part by weight
        final double[] share = epoch.validatorShare();
        double alphaShareTotal = 0.0;
        for (int i = 0; i < v; i++) {
            alphaShareTotal += share[i] * alphaFraction(n, p * v + i, tw);
        }
        final double price = st.taoReserve[c] / st.alphaIn[c];
        double paid = 0.0;
        for (int i = 0; i < v; i++) {
            final int vi = p * v + i;
            final double weight = alphaShareTotal > 0.0 ? share[i] * alphaFraction(n, vi, tw) / alphaShareTotal
                    : share[i];
            final double payout = validatorPool * weight;
            paid += payout;
            final int r = roles[i].ordinal();
            yieldPaid[(n.group * ROLES + r) * st.paths + p] += payout;
            yieldStake[(n.group * ROLES + r) * st.paths + p] += n.stakeWeight[vi];
            n.alphaStake[vi] += payout; // take and nominators alike stay staked to the hotkey
        }
        validatorEarningsTao[p] += paid * price;
        validatorTakeTao[p] += take * paid * price;
        minerEarningsTao[p] += (minerPool - burned) * price;
        minerBurnedAlpha[p] += burned;
        minerIncentiveAlpha[p] += minerPool;
        clippedShareSum[p] += epoch.clippedShare();
        epochs[p] += 1.0;
        // over-raters' weight clipped at consensus
        final double[] w = epoch.weights();
        final double[] cons = epoch.consensus();
        for (int i = 0; i < v; i++) {
            if (roles[i] != ValidatorRole.OVER_RATER || !(epoch.activeStake()[i] > 0.0)) {
                continue;
            }
            for (int j = 0; j < m; j++) {
                final double wij = w[i * m + j];
                overRaterMass[p] += wij;
                overRaterClipped[p] += wij - Math.min(wij, cons[j]);
            }
        }
    }

    /** 1 − r_i, r_i = tw·root/(alpha + tw·root): the alpha part of a validator's dividends. */
    private static double alphaFraction(final SubnetNeurons n, final int vi, final double tw) {
        final double weighted = n.stakeWeight[vi];
        return weighted > 0.0 ? n.alphaStake[vi] / (n.alphaStake[vi] + tw * n.rootStake[vi]) : 1.0;
    }

    /** Adds the per-path Yuma outcome columns ({@link YumaOutcomes}). */
    public void collect(final PathOutcomes out) {
        final int paths = s.paths;
        System.arraycopy(validatorEarningsTao, 0, out.column(YumaOutcomes.VALIDATOR_EARNINGS_TAO), 0, paths);
        System.arraycopy(validatorTakeTao, 0, out.column(YumaOutcomes.VALIDATOR_TAKE_TAO), 0, paths);
        System.arraycopy(minerEarningsTao, 0, out.column(YumaOutcomes.MINER_EARNINGS_TAO), 0, paths);
        System.arraycopy(minerBurnedAlpha, 0, out.column(YumaOutcomes.MINER_BURNED_ALPHA), 0, paths);
        System.arraycopy(epochs, 0, out.column(YumaOutcomes.EPOCHS), 0, paths);
        final double[] honest = out.column(YumaOutcomes.HONEST_YIELD);
        final double[] copier = out.column(YumaOutcomes.COPIER_RELATIVE_RETURN);
        final double[] copierCr = out.column(YumaOutcomes.COPIER_RELATIVE_RETURN_COMMIT_REVEAL);
        final double[] overRater = out.column(YumaOutcomes.OVER_RATER_RELATIVE_RETURN);
        final double[] holdingsScorer = out.column(YumaOutcomes.HOLDINGS_SCORER_RELATIVE_RETURN);
        final double[] clipped = out.column(YumaOutcomes.CLIPPED_SHARE);
        final double[] overRaterClippedShare = out.column(YumaOutcomes.OVER_RATER_CLIPPED_SHARE);
        final double[] minerBurned = out.column(YumaOutcomes.MINER_BURNED);
        final int h = ValidatorRole.HONEST.ordinal();
        for (int p = 0; p < paths; p++) {
            final double honestAll = ratio(paid(0, h, p) + paid(1, h, p), staked(0, h, p) + staked(1, h, p));
            honest[p] = honestAll;
            copier[p] = relative(0, ValidatorRole.COPIER, p);
            copierCr[p] = relative(1, ValidatorRole.COPIER, p);
            overRater[p] = ratio(both(yieldPaid, ValidatorRole.OVER_RATER, p),
                    both(yieldStake, ValidatorRole.OVER_RATER, p)) / honestAll;
            holdingsScorer[p] = ratio(both(yieldPaid, ValidatorRole.HOLDINGS_SCORER, p),
                    both(yieldStake, ValidatorRole.HOLDINGS_SCORER, p)) / honestAll;
            clipped[p] = ratio(clippedShareSum[p], epochs[p]);
            overRaterClippedShare[p] = ratio(overRaterClipped[p], overRaterMass[p]);
            minerBurned[p] = ratio(minerBurnedAlpha[p], minerIncentiveAlpha[p]);
        }
    }

    private double relative(final int group, final ValidatorRole role, final int p) {
        final int h = ValidatorRole.HONEST.ordinal();
        return ratio(paid(group, role.ordinal(), p), staked(group, role.ordinal(), p))
                / ratio(paid(group, h, p), staked(group, h, p));
    }

    private double paid(final int group, final int role, final int p) {
        return yieldPaid[(group * ROLES + role) * s.paths + p];
    }

    private double staked(final int group, final int role, final int p) {
        return yieldStake[(group * ROLES + role) * s.paths + p];
    }

    private double both(final double[] values, final ValidatorRole role, final int p) {
        return values[role.ordinal() * s.paths + p] + values[(ROLES + role.ordinal()) * s.paths + p];
    }

    private static double ratio(final double num, final double den) {
        return den > 0.0 ? num / den : Double.NaN;
    }
}
