package dtaosim.studies.study;

import dtaosim.engine.run.RunResult;
import dtaosim.engine.yuma.YumaOutcomes;
import dtaosim.studies.stats.Intervals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * yuma: who earns the alpha when Yuma consensus runs inside subnets (issue 6, mechanics §4). Per path, each
 * validator role's return relative to honest validators (copiers without and with commit-reveal, over-raters,
 * holdings-scorers), the share of incentive clipped, MinerBurned and the earnings; means with 95 % t-intervals
 * over paths, and the paired per-path effect of commit-reveal on the copiers' relative return.
 */
final class YumaStudy implements Study {
    /** The relative returns compared, in this order. */
    private static final String[] ROLES = {YumaOutcomes.COPIER_RELATIVE_RETURN,
        YumaOutcomes.COPIER_RELATIVE_RETURN_COMMIT_REVEAL, YumaOutcomes.OVER_RATER_RELATIVE_RETURN,
        YumaOutcomes.HOLDINGS_SCORER_RELATIVE_RETURN};
    private static final String[] ROLE_LABELS = {"copier", "copier, commit-reveal", "over-rater", "holdings-scorer"};
    /** Other outcomes summarised. */
    private static final String[] OTHERS = {YumaOutcomes.CLIPPED_SHARE, YumaOutcomes.OVER_RATER_CLIPPED_SHARE,
        YumaOutcomes.MINER_BURNED, YumaOutcomes.MINER_BURNED_ALPHA, YumaOutcomes.VALIDATOR_EARNINGS_TAO,
        YumaOutcomes.VALIDATOR_TAKE_TAO, YumaOutcomes.MINER_EARNINGS_TAO, YumaOutcomes.HONEST_YIELD};

    @Override
    public String name() {
        return Studies.YUMA;
    }

    @Override
    public String description() {
        return "Yuma consensus inside subnets: returns of copiers (with and without commit-reveal), over-raters and"
                + " holdings-scorers relative to honest validators, clipping, MinerBurned";
    }

    @Override
    public StudyOutput analyse(final StudyPlan plan, final List<RunResult> results) {
        final StudyOutput out = new StudyOutput("Yuma consensus: " + plan.config().source().name());
        final List<Object> cells = new ArrayList<>();
        for (int c = 0; c < results.size(); c++) {
            final RunResult r = results.get(c);
            final Map<String, Object> f = new LinkedHashMap<>();
            f.put("cell", c);
            f.put("coordinates", new LinkedHashMap<>(plan.cells().get(c).coordinates()));
            for (final String name : ROLES) {
                f.put(name, summary(r.outcome(name)));
            }
            f.put("commitRevealEffectOnCopier", summary(difference(r.outcome(ROLES[1]), r.outcome(ROLES[0]))));
            for (final String name : OTHERS) {
                f.put(name, summary(r.outcome(name)));
            }
            cells.add(f);
            out.histograms().put("cell" + c + "/" + YumaOutcomes.CLIPPED_SHARE,
                    Analysis.histogram(r.outcome(YumaOutcomes.CLIPPED_SHARE)));
        }
        out.figures().put("cells", cells);
        final RunResult base = results.get(0);
        answer(out, plan, base);
        report(out, plan, results);
        return out;
    }

    /** Per path {@code a − b}; NaN where either is undefined. */
    static double[] difference(final double[] a, final double[] b) {
        final double[] d = new double[a.length];
        for (int p = 0; p < a.length; p++) {
            d[p] = a[p] - b[p];
        }
        return d;
    }

    /** Mean with its 95 % t-interval and quantiles over the paths where the value is defined; null if none is. */
    static Map<String, Object> summary(final double[] values) {
        final double[] defined = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (defined.length == 0) {
            return null;
        }
        final double[] mean = Intervals.mean(defined);
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", mean[0]);
        m.put("meanLow", mean[1]);
        m.put("meanHigh", mean[2]);
        m.put("paths", defined.length);
        m.put("quantiles", Analysis.quantiles(defined));
        return m;
    }

    private static double[] interval(final double[] values) {
        final double[] defined = Arrays.stream(values).filter(Double::isFinite).toArray();
        return defined.length == 0 ? new double[] {Double.NaN, Double.NaN, Double.NaN} : Intervals.mean(defined);
    }

    private static void answer(final StudyOutput out, final StudyPlan plan, final RunResult r) {
        final double[] plain = interval(r.outcome(ROLES[0]));
        final double[] reveal = interval(r.outcome(ROLES[1]));
        final double[] effect = interval(difference(r.outcome(ROLES[1]), r.outcome(ROLES[0])));
        final double[] clipped = interval(r.outcome(YumaOutcomes.OVER_RATER_CLIPPED_SHARE));
        final double[] burned = interval(r.outcome(YumaOutcomes.MINER_BURNED));
        out.answer(String.format(Locale.ROOT, "Over %d paths of %s (%s days), a weight copier earned %s of an honest"
                        + " validator's return per unit of stake without commit-reveal (95 %% CI %s to %s) and %s with"
                        + " commit-reveal (%s to %s): commit-reveal changed its relative return by %s (%s to %s)."
                        + " %s of the over-rater's weight was clipped (%s to %s); MinerBurned averaged %s.",
                plan.paths(), plan.config().source().name(), Analysis.g3(plan.days()), Analysis.g3(plain[0]),
                Analysis.g3(plain[1]), Analysis.g3(plain[2]), Analysis.g3(reveal[0]), Analysis.g3(reveal[1]),
                Analysis.g3(reveal[2]), Analysis.g3(effect[0]), Analysis.g3(effect[1]), Analysis.g3(effect[2]),
                Analysis.pct(clipped[0]), Analysis.pct(clipped[1]), Analysis.pct(clipped[2]), Analysis.g3(burned[0])));
    }

    private static void report(final StudyOutput out, final StudyPlan plan, final List<RunResult> results) {
        final var report = out.report();
        report.paragraph(out.answer());
        final RunResult r = results.get(0);
        final double[][] roles = new double[ROLES.length][];
        for (int k = 0; k < ROLES.length; k++) {
            roles[k] = interval(r.outcome(ROLES[k]));
        }
        report.barsWithIntervals("Return per unit of stake relative to honest validators (mean, 95 % CI; 1 = honest)",
                "relative return", ROLE_LABELS, column(roles, 0), column(roles, 1), column(roles, 2));
        final Analysis.Bins copier = Analysis.bins(r.outcome(ROLES[1]), 30);
        report.histogram("Copier's relative return with commit-reveal, per path", "relative return", copier.edges(),
                copier.counts());
        final Analysis.Bins clipped = Analysis.bins(r.outcome(YumaOutcomes.OVER_RATER_CLIPPED_SHARE), 30);
        report.histogram("Share of the over-rater's weight clipped, per path", "share", clipped.edges(),
                clipped.counts());
        report.cdf("MinerBurned (owner miners' share of incentive), per path", "MinerBurned",
                r.outcome(YumaOutcomes.MINER_BURNED));
        if (results.size() > 1) {
            final List<List<String>> rows = new ArrayList<>();
            for (int c = 0; c < results.size(); c++) {
                final List<String> row = new ArrayList<>();
                row.add(plan.cells().get(c).label());
                for (final String name : ROLES) {
                    row.add(Analysis.g3(interval(results.get(c).outcome(name))[0]));
                }
                rows.add(row);
            }
            final List<String> header = new ArrayList<>(List.of("cell"));
            header.addAll(List.of(ROLE_LABELS));
            report.table("Relative returns per cell (charts show the first cell)", header, rows);
        }
    }

    private static double[] column(final double[][] rows, final int k) {
        final double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][k];
        }
        return c;
    }
}
