package dtaosim.studies.study;

import dtaosim.engine.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * distribution: quantile bands over time of the network's prices, pool depths, concentration and issuance and
 * of the selected subnets' prices, shares and depths; and the distribution over paths at the horizon.
 */
final class DistributionStudy implements Study {
    @Override
    public String name() {
        return Studies.DISTRIBUTION;
    }

    @Override
    public String description() {
        return "quantile bands over time of prices, shares, depths, concentration and issuance; end-of-horizon "
                + "histograms";
    }

    @Override
    public StudyOutput analyse(final StudyPlan plan, final List<RunResult> results) {
        final StudyOutput out = new StudyOutput("Distribution of outcomes: " + plan.config().source().name());
        final double[] days = Analysis.sampleDays(plan.samples());
        final List<Object> cells = new ArrayList<>();
        for (int c = 0; c < results.size(); c++) {
            final RunResult r = results.get(c);
            final int n = Math.toIntExact(r.range().size());
            final Map<String, Object> f = new LinkedHashMap<>();
            f.put("cell", c);
            f.put("coordinates", new LinkedHashMap<>(plan.cells().get(c).coordinates()));
            final Map<String, Object> horizon = new LinkedHashMap<>();
            final Map<String, Object> middle = new LinkedHashMap<>();
            for (final Map.Entry<String, double[]> e : r.outcomes().series().entrySet()) {
                final int w = r.outcomes().seriesWidth(e.getKey());
                horizon.put(e.getKey(), Analysis.quantiles(Analysis.last(e.getValue(), n, w)));
                final double[] mid = new double[n];
                for (int p = 0; p < n; p++) {
                    mid[p] = e.getValue()[p * w + (w - 1) / 2];
                }
                middle.put(e.getKey(), Analysis.quantiles(mid));
            }
            f.put("atHorizon", horizon);
            f.put("atMidHorizon", middle);
            final Map<String, Object> totals = new LinkedHashMap<>();
            for (final String name : new String[] {RunResult.TOTAL_ISSUANCE, RunResult.TAO_RECYCLED,
                RunResult.ROOT_TAO_SOLD, RunResult.ALPHA_RECYCLED, RunResult.ALPHA_BURNED}) {
                totals.put(name, Analysis.quantiles(r.outcome(name)));
            }
            f.put("totals", totals);
            cells.add(f);
        }
        out.figures().put("midHorizonDay", days[(days.length - 1) / 2]);
        out.figures().put("cells", cells);
        final RunResult r = results.get(0);
        final int n = Math.toIntExact(r.range().size());
        final int w = days.length;
        final double[] sumPrice = Analysis.last(r.outcomes().getSeries(SeriesProbe.network("sumPrice")), n, w);
        final double[] gini = Analysis.last(r.outcomes().getSeries(SeriesProbe.network("gini")), n, w);
        final Map<String, Object> qp = Analysis.quantiles(sumPrice);
        final Map<String, Object> qg = Analysis.quantiles(gini);
        out.answer(String.format(Locale.ROOT, "Over %d paths of %s (%s, %s days), the sum of spot prices ends"
                + " between %s and %s TAO/alpha (5–95 %%, median %s) and the emission Gini between %s and %s (median %s).",
                plan.paths(), plan.config().source().name(), plan.cells().get(0).scenario().protocol().era().id(),
                Analysis.g3(plan.days()), Analysis.g3((double) qp.get("q05")), Analysis.g3((double) qp.get("q95")),
                Analysis.g3((double) qp.get("q50")), Analysis.g3((double) qg.get("q05")),
                Analysis.g3((double) qg.get("q95")), Analysis.g3((double) qg.get("q50"))));
        final var report = out.report();
        report.paragraph(out.answer());
        if (results.size() > 1) {
            report.paragraph("Charts show cell " + plan.cells().get(0).label() + "; summary.json and timeseries.csv"
                    + " hold every cell.");
        }
        for (final Map.Entry<String, double[]> e : r.outcomes().series().entrySet()) {
            final double[][] b = Analysis.bands(e.getValue(), n, w);
            report.fanChart(SeriesProbe.label(e.getKey()) + " over time, 5/25/50/75/95 % bands", "day", e.getKey(),
                    days, b[0], b[1], b[2], b[3], b[4]);
        }
        for (final Map.Entry<String, double[]> e : r.outcomes().series().entrySet()) {
            if (e.getKey().startsWith("net.liveSubnets")) {
                continue;
            }
            final Analysis.Bins bins = Analysis.bins(Analysis.last(e.getValue(), n, w), 30);
            report.histogram(SeriesProbe.label(e.getKey()) + " at the horizon (day " + Analysis.g3(days[w - 1]) + ")",
                    e.getKey(), bins.edges(), bins.counts());
        }
        return out;
    }
}
