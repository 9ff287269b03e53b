package dtaosim.studies.study;

import dtaosim.engine.market.Behaviour;
import dtaosim.engine.market.MemeCohort;
import dtaosim.engine.run.RunResult;
import dtaosim.studies.report.html.Series;
import dtaosim.studies.stats.Intervals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * meme-capture: how likely the target (meme) subnet's emission share reaches each threshold within the window,
 * with Wilson intervals; when it does (time to capture); what the cohort gains or loses; and, over the grid's
 * cohort capital, the capital a given capture probability needs.
 */
final class MemeCaptureStudy implements Study {
    /** Capture probabilities the cost-to-capture curve is read at. */
    static final double[] TARGET_PROBABILITIES = {0.1, 0.5, 0.9};

    @Override
    public String name() {
        return Studies.MEME_CAPTURE;
    }

    @Override
    public String description() {
        return "probability that the meme subnet's emission share reaches each threshold, time to capture, "
                + "cohort PnL, cost-to-capture curve";
    }

    @Override
    public StudyOutput analyse(final StudyPlan plan, final List<RunResult> results) {
        final StudyOutput out = new StudyOutput("Meme capture: " + plan.config().source().name());
        final int window = window(plan);
        final double[] thresholds = plan.thresholds();
        final List<Map<String, Object>> cellFigures = new ArrayList<>();
        final double[][] probability = new double[results.size()][thresholds.length];
        final double[][] lower = new double[results.size()][thresholds.length];
        final double[][] upper = new double[results.size()][thresholds.length];
        for (int c = 0; c < results.size(); c++) {
            final RunResult r = results.get(c);
            final int n = Math.toIntExact(r.range().size());
            final Map<String, Object> f = new LinkedHashMap<>();
            f.put("cell", c);
            f.put("coordinates", new LinkedHashMap<>(plan.cells().get(c).coordinates()));
            final List<Object> byThreshold = new ArrayList<>();
            for (int k = 0; k < thresholds.length; k++) {
                final double[] days = captureDays(r, k, window);
                final long captured = Arrays.stream(days).filter(Double::isFinite).count();
                final double[] ci = Intervals.wilson(captured, n);
                probability[c][k] = captured / (double) n;
                lower[c][k] = ci[0];
                upper[c][k] = ci[1];
                final Map<String, Object> t = new LinkedHashMap<>();
                t.put("threshold", thresholds[k]);
                t.put("captured", captured);
                t.put("probability", probability[c][k]);
                t.put("wilsonLow", ci[0]);
                t.put("wilsonHigh", ci[1]);
                t.put("timeToCaptureDays", Analysis.quantiles(days));
                byThreshold.add(t);
                out.histograms().put("cell" + c + "/timeToCaptureBlocks" + k,
                        Analysis.histogram(r.outcome(SeriesProbe.captureBlock(k))));
            }
            f.put("capture", byThreshold);
            f.put("maxShare", Analysis.quantiles(r.outcome(SeriesProbe.TARGET_MAX_SHARE)));
            f.put("meanShare", Analysis.quantiles(r.outcome(SeriesProbe.TARGET_MEAN_SHARE)));
            f.put("taoEmission", Analysis.quantiles(r.outcome(SeriesProbe.TARGET_EMISSION)));
            final double[] pnl = r.outcomes().columns().get(MemeCohort.PNL);
            if (pnl != null) {
                final double[] mean = Intervals.mean(pnl);
                final Map<String, Object> p = new LinkedHashMap<>();
                p.put("mean", mean[0]);
                p.put("meanLow", mean[1]);
                p.put("meanHigh", mean[2]);
                p.put("quantiles", Analysis.quantiles(pnl));
                p.put("spent", Analysis.quantiles(r.outcome(MemeCohort.SPENT)));
                p.put("profitableShare", Arrays.stream(pnl).filter(v -> v > 0).count() / (double) n);
                f.put("cohortPnlTao", p);
            }
            cellFigures.add(f);
        }
        out.figures().put("windowDays", window / (double) StudyPlan.BLOCKS_PER_DAY);
        out.figures().put("thresholds", thresholds);
        out.figures().put("cells", cellFigures);
        final String capitalKey = capitalKey(plan);
        final List<Map<String, Object>> cost = capitalKey == null ? List.of()
                : costToCapture(plan, capitalKey, probability, lower, upper);
        out.figures().put("costToCapture", cost);
        final int base = baseCell(plan, capitalKey);
        out.figures().put("baseCell", base);
        answer(out, plan, results.get(base), base, window, probability, lower, upper, cost);
        report(out, plan, results, base, window, probability, lower, upper, capitalKey);
        return out;
    }

    private static int window(final StudyPlan plan) {
        return StudyPlan.withinWindow(plan.config(), plan.blocks());
    }

    /** Per path, the day the share first reached threshold k inside the window, NaN when it did not. */
    static double[] captureDays(final RunResult r, final int k, final int window) {
        final double[] blocks = r.outcome(SeriesProbe.captureBlock(k));
        final double[] days = new double[blocks.length];
        for (int p = 0; p < blocks.length; p++) {
            days[p] = blocks[p] < window ? (blocks[p] + 1) / StudyPlan.BLOCKS_PER_DAY : Double.NaN;
        }
        return days;
    }

    private static String capitalKey(final StudyPlan plan) {
        for (final String key : plan.cells().get(0).coordinates().keySet()) {
            if (key.endsWith("capitalTao")) {
                return key;
            }
        }
        return null;
    }

    /**
     * Per group of cells equal but for the capital, and per threshold: capture probability against capital, and
     * the capital at which it first reaches each of {@link #TARGET_PROBABILITIES} (linear between grid points;
     * null when the grid never reaches it).
     */
    static List<Map<String, Object>> costToCapture(final StudyPlan plan, final String capitalKey,
                                                   final double[][] probability, final double[][] lower,
                                                   final double[][] upper) {
        final Map<Map<String, String>, List<Integer>> groups = groups(plan, capitalKey);
        final List<Map<String, Object>> curves = new ArrayList<>();
        for (final Map.Entry<Map<String, String>, List<Integer>> g : groups.entrySet()) {
            if (g.getValue().size() < 2) {
                continue; // one capital is no curve
            }
            final List<Integer> cells = new ArrayList<>(g.getValue());
            cells.sort((a, b) -> Double.compare(capital(plan, a, capitalKey), capital(plan, b, capitalKey)));
            for (int k = 0; k < plan.thresholds().length; k++) {
                final double[] capital = new double[cells.size()];
                final double[] p = new double[cells.size()];
                final double[] lo = new double[cells.size()];
                final double[] hi = new double[cells.size()];
                for (int i = 0; i < cells.size(); i++) {
                    capital[i] = capital(plan, cells.get(i), capitalKey);
                    p[i] = probability[cells.get(i)][k];
                    lo[i] = lower[cells.get(i)][k];
                    hi[i] = upper[cells.get(i)][k];
                }
                final Map<String, Object> curve = new LinkedHashMap<>();
                curve.put("group", g.getKey());
                curve.put("threshold", plan.thresholds()[k]);
                curve.put("capitalTao", capital);
                curve.put("probability", p);
                curve.put("wilsonLow", lo);
                curve.put("wilsonHigh", hi);
                final Map<String, Object> needed = new LinkedHashMap<>();
                final Map<String, Object> atSmallest = new LinkedHashMap<>();
                for (final double target : TARGET_PROBABILITIES) {
                    final double c = capitalFor(capital, p, target);
                    needed.put(Double.toString(target), Double.isNaN(c) ? null : c);
                    // reached already at the grid's smallest capital: the capital needed is at most that
                    atSmallest.put(Double.toString(target), p[0] >= target);
                }
                curve.put("capitalForProbability", needed);
                curve.put("reachedAtSmallestCapital", atSmallest);
                curves.add(curve);
            }
        }
        return curves;
    }

    /** The smallest capital at which the curve reaches {@code target}: linear between grid points, NaN if never. */
    static double capitalFor(final double[] capital, final double[] probability, final double target) {
        for (int i = 0; i < capital.length; i++) {
            if (probability[i] >= target) {
                if (i == 0) {
                    return capital[0];
                }
                final double t = (target - probability[i - 1]) / (probability[i] - probability[i - 1]);
                return capital[i - 1] + t * (capital[i] - capital[i - 1]);
            }
        }
        return Double.NaN;
    }

    /**
     * The first grid point past the curve's first reach of {@code target} where it is below it again, or −1: a
     * larger cohort can do worse (it may, e.g., trigger an intervention before the moving price has risen).
     */
    static int fallsBelowAfterReaching(final double[] probability, final double target) {
        boolean reached = false;
        for (int i = 0; i < probability.length; i++) {
            if (probability[i] >= target) {
                reached = true;
            } else if (reached) {
                return i;
            }
        }
        return -1;
    }

    private static Map<Map<String, String>, List<Integer>> groups(final StudyPlan plan, final String capitalKey) {
        final Map<Map<String, String>, List<Integer>> groups = new LinkedHashMap<>();
        for (final Cell cell : plan.cells()) {
            final Map<String, String> rest = new LinkedHashMap<>(cell.coordinates());
            rest.remove(capitalKey);
            groups.computeIfAbsent(rest, k -> new ArrayList<>()).add(cell.index());
        }
        return groups;
    }

    private static double capital(final StudyPlan plan, final int cell, final String key) {
        return Double.parseDouble(plan.cells().get(cell).coordinates().get(key));
    }

    /** The cell with the scenario's own cohort capital (the first such), else the first cell. */
    private static int baseCell(final StudyPlan plan, final String capitalKey) {
        if (capitalKey == null) {
            return 0;
        }
        double own = Double.NaN;
        for (final Behaviour b : plan.base().behaviours()) {
            if (b instanceof MemeCohort cohort) {
                own = cohort.capitalTao();
                break;
            }
        }
        for (final Cell cell : plan.cells()) {
            if (capital(plan, cell.index(), capitalKey) == own) {
                return cell.index();
            }
        }
        return 0;
    }

    private static void answer(final StudyOutput out, final StudyPlan plan, final RunResult base, final int baseCell,
                               final int window, final double[][] p, final double[][] lo, final double[][] hi,
                               final List<Map<String, Object>> cost) {
        final double[] t = plan.thresholds();
        final StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Over %d paths of %s (%s, %s days), ", plan.paths(),
                plan.config().source().name(), plan.cells().get(baseCell).scenario().protocol().era().id(),
                Analysis.g3(window / (double) StudyPlan.BLOCKS_PER_DAY)));
        final String where = plan.cells().size() > 1 ? " in cell " + plan.cells().get(baseCell).label() : "";
        s.append("subnet ").append(plan.target()).append("'s emission share reached ");
        for (int k = 0; k < t.length; k++) {
            s.append(k == 0 ? "" : k == t.length - 1 ? " and " : ", ").append(Analysis.pct(t[k])).append(" on ")
                    .append(Analysis.pct(p[baseCell][k])).append(" of paths (95 % CI ").append(Analysis.pct(lo[baseCell][k]))
                    .append("–").append(Analysis.pct(hi[baseCell][k])).append(")");
        }
        s.append(where).append('.');
        final double[] pnl = base.outcomes().columns().get(MemeCohort.PNL);
        if (pnl != null) {
            final double[] m = Intervals.mean(pnl);
            s.append(String.format(Locale.ROOT, " The cohort's mean profit was %s TAO (95 %% CI %s to %s).",
                    Analysis.g3(m[0]), Analysis.g3(m[1]), Analysis.g3(m[2])));
        }
        // a horizon too short for the capital to bind makes every capital cell the same run: say so
        final double[] spent = base.outcomes().columns().get(MemeCohort.SPENT);
        final double smallest = cost.isEmpty() ? Double.NaN : ((double[]) cost.get(0).get("capitalTao"))[0];
        final double mostSpent = spent == null ? Double.NaN : Arrays.stream(spent).max().orElse(Double.NaN);
        if (mostSpent < smallest) {
            s.append(" No path's cohort spent more than ").append(Analysis.g3(mostSpent))
                    .append(" TAO, below the smallest capital swept (").append(Analysis.g3(smallest))
                    .append(" TAO), so the capital cells are the same run.");
        }
        // the cost of a 50 % chance, for the first threshold whose curve crosses 50 % inside the capital grid
        for (final Map<String, Object> curve : cost) {
            final Object needed = ((Map<?, ?>) curve.get("capitalForProbability")).get("0.5");
            final boolean atSmallest = (boolean) ((Map<?, ?>) curve.get("reachedAtSmallestCapital")).get("0.5");
            if (((Map<?, ?>) curve.get("group")).equals(groupOf(plan, baseCell)) && needed != null && !atSmallest) {
                s.append(" A 50 % chance of reaching ").append(Analysis.pct((double) curve.get("threshold")))
                        .append(" needs a cohort capital of about ").append(Analysis.g3((double) needed))
                        .append(" TAO");
                final double[] capital = (double[]) curve.get("capitalTao");
                final double[] probability = (double[]) curve.get("probability");
                final int fall = fallsBelowAfterReaching(probability, 0.5);
                if (fall >= 0) {
                    // say so, or the sentence reads as if more capital always helped
                    s.append(", yet with ").append(Analysis.g3(capital[fall])).append(" TAO only ")
                            .append(Analysis.pct(probability[fall]))
                            .append(" of paths reach it (the chance is not monotone in the capital)");
                }
                s.append('.');
                break;
            }
        }
        out.answer(s.toString());
    }

    private static Map<String, String> groupOf(final StudyPlan plan, final int cell) {
        final Map<String, String> rest = new LinkedHashMap<>(plan.cells().get(cell).coordinates());
        rest.keySet().removeIf(k -> k.endsWith("capitalTao"));
        return rest;
    }

    private static void report(final StudyOutput out, final StudyPlan plan, final List<RunResult> results,
                               final int base, final int window, final double[][] p, final double[][] lo,
                               final double[][] hi, final String capitalKey) {
        final var report = out.report();
        report.paragraph(out.answer());
        final double[] thresholdPct = Arrays.stream(plan.thresholds()).map(x -> 100 * x).toArray();
        final List<Series> byThreshold = new ArrayList<>();
        for (int c = 0; c < results.size() && byThreshold.size() < 8; c++) {
            byThreshold.add(new Series(plan.cells().get(c).label(), thresholdPct, p[c], lo[c], hi[c]));
        }
        report.curveWithInterval("Probability of capture within " + Analysis.g3(window / 7200.0)
                + " days (95 % Wilson intervals)", "emission-share threshold (%)", "probability", byThreshold);
        if (capitalKey != null) {
            final Map<String, String> group = groupOf(plan, base);
            final List<Series> curves = new ArrayList<>();
            final List<Integer> cells = new ArrayList<>(groups(plan, capitalKey).get(group));
            cells.sort((a, b) -> Double.compare(capital(plan, a, capitalKey), capital(plan, b, capitalKey)));
            final double[] capital = cells.stream().mapToDouble(c -> capital(plan, c, capitalKey)).toArray();
            for (int k = 0; k < plan.thresholds().length; k++) {
                final int kk = k;
                curves.add(new Series("share ≥ " + Analysis.pct(plan.thresholds()[k]), capital,
                        cells.stream().mapToDouble(c -> p[c][kk]).toArray(),
                        cells.stream().mapToDouble(c -> lo[c][kk]).toArray(),
                        cells.stream().mapToDouble(c -> hi[c][kk]).toArray()));
            }
            report.curveWithInterval("Cost to capture: probability against the cohort's capital", "cohort capital (TAO)",
                    "probability", curves);
        }
        final RunResult r = results.get(base);
        for (int k = 0; k < plan.thresholds().length; k++) {
            final double[] days = captureDays(r, k, window);
            if (Arrays.stream(days).anyMatch(Double::isFinite)) {
                report.cdf("Time to capture (share ≥ " + Analysis.pct(plan.thresholds()[k]) + "), captured paths",
                        "days", days);
                break;
            }
        }
        final double[] pnl = r.outcomes().columns().get(MemeCohort.PNL);
        if (pnl != null) {
            final Analysis.Bins bins = Analysis.bins(pnl, 30);
            report.histogram("Cohort profit and loss per path", "TAO", bins.edges(), bins.counts());
        }
        final double[] days = Analysis.sampleDays(plan.samples());
        for (final String measure : new String[] {"share", "price"}) {
            final String name = SeriesProbe.subnet(plan.target(), measure);
            final double[] values = r.outcomes().series().get(name);
            if (values != null) {
                final double[][] b = Analysis.bands(values, Math.toIntExact(r.range().size()), days.length);
                report.fanChart("Subnet " + plan.target() + " " + (measure.equals("share") ? "emission share"
                        : "spot price (TAO/alpha)") + " over time, 5–95 % bands", "day", measure, days, b[0], b[1],
                        b[2], b[3], b[4]);
            }
        }
        final List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < results.size(); c++) {
            final List<String> row = new ArrayList<>();
            row.add(plan.cells().get(c).label());
            for (int k = 0; k < plan.thresholds().length; k++) {
                row.add(Analysis.pct(p[c][k]) + " [" + Analysis.pct(lo[c][k]) + ", " + Analysis.pct(hi[c][k]) + "]");
            }
            rows.add(row);
        }
        final List<String> header = new ArrayList<>();
        header.add("cell");
        for (final double t : plan.thresholds()) {
            header.add("P(share ≥ " + Analysis.pct(t) + ")");
        }
        report.table("Every cell", header, rows);
    }
}
