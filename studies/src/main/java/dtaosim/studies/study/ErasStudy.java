package dtaosim.studies.study;

import dtaosim.engine.run.RunResult;
import dtaosim.studies.report.html.Series;
import dtaosim.studies.stats.Intervals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * eras: the same scenario and seeds under several eras. Because every era sees the same random numbers on a
 * path, per-path differences to the first era are paired; each comes with its 95 % t-interval over paths.
 */
final class ErasStudy implements Study {
    /** The measures compared, per path: name → how it is read from a path's outcomes. */
    private static final String[] MEASURES = {"gini", "hhi", "top10Share", "targetEmissionTao",
        "rootDividendsPerTaoEmitted", "priceDispersion", "taoRecycled", "alphaRecycled", "alphaBurned",
        "subnetsPruned"};
    private static final String[] LABELS = {"emission Gini (time mean)", "emission HHI (time mean)",
        "top-10 emission share (time mean)", "TAO emission to the target subnet",
        "root stakers' TAO (sold, pending or claimed root alpha) per TAO emitted",
        "price dispersion, sd of log price (time mean)", "TAO recycled", "alpha recycled", "alpha burned",
        "subnets pruned"};

    @Override
    public String name() {
        return Studies.ERAS;
    }

    @Override
    public String description() {
        return "the same scenario and seeds under several eras: paired differences of concentration, capture, "
                + "root share, dispersion, recycling, pruning";
    }

    @Override
    public StudyOutput analyse(final StudyPlan plan, final List<RunResult> results) {
        final StudyOutput out = new StudyOutput("Era comparison: " + plan.config().source().name());
        final int n = Math.toIntExact(plan.paths());
        final double[][][] values = new double[results.size()][][];
        for (int c = 0; c < results.size(); c++) {
            values[c] = measures(plan, results.get(c));
        }
        // baseline of each cell: the first cell with the same coordinates but the era
        final int[] baseline = new int[results.size()];
        for (int c = 0; c < results.size(); c++) {
            baseline[c] = c;
            for (int b = 0; b < c; b++) {
                if (sameButEra(plan.cells().get(b), plan.cells().get(c))) {
                    baseline[c] = b;
                    break;
                }
            }
        }
        final List<Object> cells = new ArrayList<>();
        for (int c = 0; c < results.size(); c++) {
            final Map<String, Object> f = new LinkedHashMap<>();
            f.put("cell", c);
            f.put("coordinates", new LinkedHashMap<>(plan.cells().get(c).coordinates()));
            f.put("era", plan.cells().get(c).scenario().protocol().era().id());
            f.put("baselineCell", baseline[c]);
            final Map<String, Object> byMeasure = new LinkedHashMap<>();
            for (int m = 0; m < MEASURES.length; m++) {
                final Map<String, Object> e = new LinkedHashMap<>();
                final double[] mean = Intervals.mean(values[c][m]);
                e.put("mean", mean[0]);
                e.put("meanLow", mean[1]);
                e.put("meanHigh", mean[2]);
                if (baseline[c] != c) {
                    final double[] diff = new double[n];
                    long above = 0;
                    for (int p = 0; p < n; p++) {
                        diff[p] = values[c][m][p] - values[baseline[c]][m][p];
                        above += diff[p] > 0 ? 1 : 0;
                    }
                    final double[] d = Intervals.mean(diff);
                    e.put("pairedDifference", d[0]);
                    e.put("pairedDifferenceLow", d[1]);
                    e.put("pairedDifferenceHigh", d[2]);
                    e.put("pathsAbove", above / (double) n);
                }
                byMeasure.put(MEASURES[m], e);
            }
            f.put("measures", byMeasure);
            cells.add(f);
        }
        out.figures().put("measures", List.of(MEASURES));
        out.figures().put("cells", cells);
        answer(out, plan, values, baseline);
        report(out, plan, results, values, baseline);
        return out;
    }

    private static boolean sameButEra(final Cell a, final Cell b) {
        final Map<String, String> x = new LinkedHashMap<>(a.coordinates());
        final Map<String, String> y = new LinkedHashMap<>(b.coordinates());
        x.remove(Studies.ERA_KEY);
        y.remove(Studies.ERA_KEY);
        return x.equals(y);
    }

    /** Per measure, per path. */
    private static double[][] measures(final StudyPlan plan, final RunResult r) {
        final int n = Math.toIntExact(r.range().size());
        final int w = plan.samples().length;
        final double[][] v = new double[MEASURES.length][];
        v[0] = Analysis.timeAverage(r.outcomes().getSeries(SeriesProbe.network("gini")), n, w);
        v[1] = Analysis.timeAverage(r.outcomes().getSeries(SeriesProbe.network("hhi")), n, w);
        v[2] = Analysis.timeAverage(r.outcomes().getSeries(SeriesProbe.network("top10")), n, w);
        v[3] = plan.target() >= 0 ? r.outcome(SeriesProbe.TARGET_EMISSION).clone() : new double[n];
        final double[] root = r.outcome(RunResult.ROOT_TAO_SOLD);
        final double[] emitted = r.outcome(RunResult.TAO_EMITTED);
        v[4] = new double[n];
        for (int p = 0; p < n; p++) {
            v[4][p] = emitted[p] > 0 ? root[p] / emitted[p] : 0.0;
        }
        v[5] = Analysis.timeAverage(r.outcomes().getSeries(SeriesProbe.network("priceDispersion")), n, w);
        v[6] = r.outcome(RunResult.TAO_RECYCLED).clone();
        v[7] = r.outcome(RunResult.ALPHA_RECYCLED).clone();
        v[8] = r.outcome(RunResult.ALPHA_BURNED).clone();
        v[9] = Analysis.columnOrZeros(r, RunResult.PRUNINGS).clone();
        return v;
    }

    private static void answer(final StudyOutput out, final StudyPlan plan, final double[][][] values,
                               final int[] baseline) {
        // with a sweep, each setting's cells are compared with that setting's first era, not with cell 0
        boolean oneBaseline = true;
        for (int c = 0; c < baseline.length; c++) {
            oneBaseline &= baseline[c] == 0;
        }
        final String relativeTo = oneBaseline ? era(plan, 0)
                : "each sweep setting's " + plan.cells().get(0).coordinates().getOrDefault(Studies.ERA_KEY, "first")
                        + " cell";
        final StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Over %d paths of %s (%s days, every era on the same random numbers), relative to %s:",
                plan.paths(), plan.config().source().name(), Analysis.g3(plan.days()), relativeTo));
        // Gini (measure 0) and, with a target subnet, its TAO emission (measure 3)
        final int[] told = plan.target() >= 0 ? new int[] {0, 3} : new int[] {0};
        for (int k = 0; k < told.length; k++) {
            final int m = told[k];
            s.append(k == 0 ? " " : "; ").append(LABELS[m]).append(" (").append(Analysis.g3(
                    Intervals.mean(values[0][m])[0])).append(") changes by");
            boolean any = false;
            for (int c = 0; c < values.length; c++) {
                if (baseline[c] == c) {
                    continue;
                }
                final double[] diff = new double[values[c][m].length];
                for (int p = 0; p < diff.length; p++) {
                    diff[p] = values[c][m][p] - values[baseline[c]][m][p];
                }
                final double[] d = Intervals.mean(diff);
                s.append(any ? ", " : " ").append(era(plan, c)).append(' ').append(Analysis.g3(d[0])).append(" [")
                        .append(Analysis.g3(d[1])).append(", ").append(Analysis.g3(d[2])).append(']');
                any = true;
            }
            if (!any) {
                s.append(" nothing: only one era was run");
            }
        }
        s.append(" (paired mean differences with 95 % intervals).");
        out.answer(s.toString());
    }

    /** The cell's era, or its whole label when the grid has more dimensions. */
    private static String era(final StudyPlan plan, final int cell) {
        final Map<String, String> coordinates = plan.cells().get(cell).coordinates();
        return coordinates.size() == 1 && coordinates.containsKey(Studies.ERA_KEY)
                ? coordinates.get(Studies.ERA_KEY) : plan.cells().get(cell).label();
    }

    private static void report(final StudyOutput out, final StudyPlan plan, final List<RunResult> results,
                               final double[][][] values, final int[] baseline) {
        final var report = out.report();
        report.paragraph(out.answer());
        for (int m = 0; m < MEASURES.length; m++) {
            final List<String> labels = new ArrayList<>();
            final List<double[]> bars = new ArrayList<>();
            for (int c = 0; c < results.size(); c++) {
                if (baseline[c] == c) {
                    continue;
                }
                final double[] diff = new double[values[c][m].length];
                for (int p = 0; p < diff.length; p++) {
                    diff[p] = values[c][m][p] - values[baseline[c]][m][p];
                }
                labels.add(era(plan, c));
                bars.add(Intervals.mean(diff));
            }
            if (!labels.isEmpty()) {
                report.barsWithIntervals(LABELS[m] + ": paired difference to " + era(plan, 0) + " (95 % CI)",
                        "difference", labels.toArray(new String[0]), bars.stream().mapToDouble(b -> b[0]).toArray(),
                        bars.stream().mapToDouble(b -> b[1]).toArray(), bars.stream().mapToDouble(b -> b[2]).toArray());
            }
        }
        final double[] days = Analysis.sampleDays(plan.samples());
        final List<Series> gini = new ArrayList<>();
        for (int c = 0; c < results.size() && gini.size() < 8; c++) {
            final RunResult r = results.get(c);
            final double[][] b = Analysis.bands(r.outcomes().getSeries(SeriesProbe.network("gini")),
                    Math.toIntExact(r.range().size()), days.length);
            gini.add(new Series(era(plan, c), days, b[2], b[1], b[3]));
        }
        report.curveWithInterval("Emission Gini over time: median and 25–75 % band per era", "day", "Gini", gini);
        final List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < results.size(); c++) {
            final List<String> row = new ArrayList<>();
            row.add(era(plan, c));
            for (int m = 0; m < MEASURES.length; m++) {
                row.add(Analysis.g3(Intervals.mean(values[c][m])[0]));
            }
            rows.add(row);
        }
        final List<String> header = new ArrayList<>();
        header.add("cell");
        header.addAll(List.of(LABELS));
        report.table("Per-era means over paths", header, rows);
    }
}
