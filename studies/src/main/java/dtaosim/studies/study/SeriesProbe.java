package dtaosim.studies.study;

import dtaosim.engine.market.Actor;
import dtaosim.engine.run.PathOutcomes;
import dtaosim.engine.run.Probe;
import dtaosim.engine.state.BatchState;
import dtaosim.studies.stats.Concentration;
import java.util.Arrays;

/**
 * What a study watches on every path, without keeping trajectories: network measures and the selected subnets'
 * price, emission share and pool depth at the sample blocks (per-path series, one value per sample), and for a
 * target subnet the first block its emission share reaches each threshold (per-path columns).
 *
 * <p>A subnet's emission share in a block is the TAO injected into its pool over the block emission (as the
 * engine's probes and behaviours measure it). The step records injections only for subnets a probe asks for;
 * this probe asks for all of them in the blocks it samples and for the target subnet always.
 *
 * @param startBlock chain block of the first simulated block
 * @param samples    sample offsets, increasing ({@link Sampling})
 * @param selected   subnet slots with per-subnet series
 * @param target     subnet whose capture is timed, or −1
 * @param thresholds emission-share thresholds, increasing
 */
public record SeriesProbe(long startBlock, int[] samples, int[] selected, int target, double[] thresholds)
        implements Probe {
    /** Network measures sampled, in this order. */
    public static final String[] NETWORK = {"sumPrice", "poolTao", "gini", "hhi", "top10", "priceDispersion",
        "issuance", "taoRecycled", "liveSubnets"};
    /** Per-subnet measures sampled, in this order. */
    public static final String[] SUBNET = {"price", "share", "depth"};
    /** What each of {@link #NETWORK} is, with its unit, for readers of a report. */
    private static final String[] NETWORK_LABELS = {"Σ spot prices (TAO/alpha)", "TAO in pools",
        "emission Gini", "emission HHI", "top-10 emission share", "price dispersion (sd of log price)",
        "total issuance (TAO)", "TAO recycled", "live subnets"};
    /** What each of {@link #SUBNET} is, with its unit; a slot without a subnet reads 0. */
    private static final String[] SUBNET_LABELS = {"spot price (TAO/alpha)",
        "emission share (tao_in / block emission)", "pool depth (TAO reserve)"};
    /** Column: highest emission share of the target subnet in any block. */
    public static final String TARGET_MAX_SHARE = "target.maxShare";
    /** Column: mean emission share of the target subnet over the blocks. */
    public static final String TARGET_MEAN_SHARE = "target.meanShare";
    /** Column: TAO emission the target subnet received. */
    public static final String TARGET_EMISSION = "target.taoEmission";

    /** Series name of a network measure. */
    public static String network(final String measure) {
        return "net." + measure;
    }

    /** A series' name for readers, "what (unit)", followed by the series name of timeseries.csv. */
    public static String label(final String series) {
        final int dot = series.indexOf('.');
        final String measure = series.substring(dot + 1);
        if (series.startsWith("net.")) {
            final int m = Arrays.asList(NETWORK).indexOf(measure);
            return m < 0 ? series : NETWORK_LABELS[m] + " [" + series + "]";
        }
        final int m = Arrays.asList(SUBNET).indexOf(measure);
        return m < 0 || !series.startsWith("subnet") ? series
                : "subnet " + series.substring("subnet".length(), dot) + " " + SUBNET_LABELS[m] + " [" + series + "]";
    }

    /** Series name of a subnet's measure. */
    public static String subnet(final int slot, final String measure) {
        return "subnet" + slot + "." + measure;
    }

    /** Column name: block offset at which the target's share first reached threshold k (NaN if never). */
    public static String captureBlock(final int k) {
        return "target.captureBlock" + k;
    }

    @Override
    public Actor bind(final BatchState s) {
        for (final int slot : selected) {
            if (slot < 0 || slot >= s.subnets) {
                throw new IllegalArgumentException("subnet: " + slot + " is not in [0, " + (s.subnets - 1) + "]");
            }
        }
        if (target >= s.subnets) {
            throw new IllegalArgumentException("subnet: " + target + " is not in [0, " + (s.subnets - 1) + "]");
        }
        return new Sampler(this, s);
    }

    private static final class Sampler implements Actor {
        private final SeriesProbe plan;
        private final BatchState s;
        private final double[][] net;
        private final double[][] sub;
        private final double[][] capture;
        private final double[] maxShare;
        private final double[] sumShare;
        private final double[] emission;
        private final double[] scratch;
        private final boolean[] keepRecording;
        private boolean pinned;
        private int next;

        Sampler(final SeriesProbe plan, final BatchState s) {
            this.plan = plan;
            this.s = s;
            final int n = plan.samples.length;
            net = new double[NETWORK.length][s.paths * n];
            sub = new double[plan.selected.length * SUBNET.length][s.paths * n];
            capture = new double[plan.thresholds.length][s.paths];
            for (final double[] c : capture) {
                Arrays.fill(c, Double.NaN);
            }
            maxShare = new double[s.paths];
            sumShare = new double[s.paths];
            emission = new double[s.paths];
            scratch = new double[s.subnets];
            keepRecording = new boolean[s.subnets];
            if (plan.target >= 0) {
                s.recordInjection(plan.target);
            }
            // the first block may be a sample: record every injection from the start
            recordAll(true);
        }

        private void recordAll(final boolean on) {
            if (!pinned) {
                // the flags other probes set at bind stay set
                System.arraycopy(s.injectionRecorded, 0, keepRecording, 0, s.subnets);
                if (plan.target >= 0) {
                    keepRecording[plan.target] = true;
                }
                pinned = true;
            }
            for (int i = 0; i < s.subnets; i++) {
                s.injectionRecorded[i] = on || keepRecording[i];
            }
        }

        @Override
        public void onBlock(final long block) {
            final long offset = block - plan.startBlock;
            if (plan.target >= 0) {
                trackTarget(offset);
            }
            final int[] samples = plan.samples;
            if (next < samples.length && offset == samples[next]) {
                sample(next++);
                // record injections again only in the block before the next sample
                recordAll(next < samples.length && samples[next] == offset + 1);
            } else if (next < samples.length && offset + 1 == samples[next]) {
                recordAll(true);
            }
        }

        private void trackTarget(final long offset) {
            final int row = plan.target * s.paths;
            final double[] thresholds = plan.thresholds;
            for (int p = 0; p < s.paths; p++) {
                final double blockEmission = s.blockEmission[p];
                final double taoIn = s.live[row + p] ? s.taoInjected[row + p] : 0.0;
                final double share = blockEmission > 0.0 ? taoIn / blockEmission : 0.0;
                emission[p] += taoIn;
                sumShare[p] += share;
                maxShare[p] = Math.max(maxShare[p], share);
                for (int k = 0; k < thresholds.length; k++) {
                    if (share >= thresholds[k] && Double.isNaN(capture[k][p])) {
                        capture[k][p] = offset;
                    }
                }
            }
        }

        private void sample(final int j) {
            final int n = plan.samples.length;
            final int subnets = s.subnets;
            for (int p = 0; p < s.paths; p++) {
                final int at = p * n + j;
                final double blockEmission = s.blockEmission[p];
                double sumPrice = 0.0;
                double poolTao = 0.0;
                double sumLog = 0.0;
                double sumLog2 = 0.0;
                int live = 0;
                for (int i = 0; i < subnets; i++) {
                    final int c = i * s.paths + p;
                    if (!s.live[c]) {
                        continue;
                    }
                    final double price = s.taoReserve[c] / s.alphaIn[c];
                    sumPrice += price;
                    poolTao += s.taoReserve[c];
                    final double log = Math.log(price);
                    sumLog += log;
                    sumLog2 += log * log;
                    scratch[live++] = blockEmission > 0.0 ? s.taoInjected[c] / blockEmission : 0.0;
                }
                final double meanLog = live > 0 ? sumLog / live : 0.0;
                net[0][at] = sumPrice;
                net[1][at] = poolTao;
                net[3][at] = Concentration.hhi(scratch, live);
                net[2][at] = Concentration.gini(scratch, live);
                net[4][at] = Concentration.topShare(scratch, live, 10);
                net[5][at] = live > 1 ? Math.sqrt(Math.max(0.0, sumLog2 / live - meanLog * meanLog)) : 0.0;
                net[6][at] = s.totalIssuance[p];
                net[7][at] = s.taoRecycled[p];
                net[8][at] = live;
                for (int k = 0; k < plan.selected.length; k++) {
                    final int c = plan.selected[k] * s.paths + p;
                    final boolean isLive = s.live[c];
                    sub[k * SUBNET.length][at] = isLive ? s.taoReserve[c] / s.alphaIn[c] : 0.0;
                    sub[k * SUBNET.length + 1][at] = isLive && blockEmission > 0.0
                            ? s.taoInjected[c] / blockEmission : 0.0;
                    sub[k * SUBNET.length + 2][at] = isLive ? s.taoReserve[c] : 0.0;
                }
            }
        }

        @Override
        public void collect(final PathOutcomes outcomes) {
            final int n = plan.samples.length;
            for (int m = 0; m < NETWORK.length; m++) {
                System.arraycopy(net[m], 0, outcomes.series(network(NETWORK[m]), n), 0, net[m].length);
            }
            for (int k = 0; k < plan.selected.length; k++) {
                for (int m = 0; m < SUBNET.length; m++) {
                    final double[] values = sub[k * SUBNET.length + m];
                    System.arraycopy(values, 0, outcomes.series(subnet(plan.selected[k], SUBNET[m]), n), 0,
                            values.length);
                }
            }
            if (plan.target >= 0) {
                final long blocks = next == 0 ? 0 : plan.samples[n - 1] + 1;
                for (int k = 0; k < capture.length; k++) {
                    System.arraycopy(capture[k], 0, outcomes.column(captureBlock(k)), 0, s.paths);
                }
                System.arraycopy(maxShare, 0, outcomes.column(TARGET_MAX_SHARE), 0, s.paths);
                System.arraycopy(emission, 0, outcomes.column(TARGET_EMISSION), 0, s.paths);
                final double[] mean = outcomes.column(TARGET_MEAN_SHARE);
                for (int p = 0; p < s.paths; p++) {
                    mean[p] = blocks > 0 ? sumShare[p] / blocks : 0.0;
                }
            }
        }
    }
}
