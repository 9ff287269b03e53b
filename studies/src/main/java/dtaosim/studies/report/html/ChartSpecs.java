package dtaosim.studies.report.html;

import java.util.Arrays;
import java.util.List;

/**
 * The JSON each chart kind hands to the page's script ({@code report.js}, which builds the Chart.js
 * configuration). Checks array lengths, the caller's mistake; non-finite values become nulls, the data's.
 */
final class ChartSpecs {
    /** A CDF keeps at most this many points: enough for a smooth curve, small enough for a light page. */
    static final int CDF_POINTS = 2000;

    private ChartSpecs() {
    }

    static String fan(final String title, final String xLabel, final String yLabel, final double[] x,
                      final double[] q05, final double[] q25, final double[] q50, final double[] q75,
                      final double[] q95) {
        final String[] names = {"q05", "q25", "q50", "q75", "q95"};
        final double[][] bands = {q05, q25, q50, q75, q95};
        final JsonText json = head("fan", title, xLabel, yLabel).key("x").values(x);
        for (int k = 0; k < names.length; k++) {
            sameLength(title, names[k], bands[k], "x", x);
            json.key(names[k]).values(bands[k]);
        }
        return json.endObject().toString();
    }

    static String histogram(final String title, final String xLabel, final String yLabel, final double[] binEdges,
                            final long[] counts) {
        if (binEdges.length != counts.length + 1) {
            throw new IllegalArgumentException(title + ": " + counts.length + " bins need " + (counts.length + 1)
                    + " edges, not " + binEdges.length);
        }
        return head("histogram", title, xLabel, yLabel).key("edges").values(binEdges).key("counts").values(counts)
                .endObject().toString();
    }

    /** Empirical CDF of the finite values; more than {@link #CDF_POINTS} values are thinned by rank. */
    static String cdf(final String title, final String xLabel, final double[] values) {
        final double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        final int n = sorted.length;
        final int kept = Math.min(n, CDF_POINTS);
        final double[] x = new double[kept];
        final double[] share = new double[kept];
        for (int k = 0; k < kept; k++) {
            // rank r (0-based) of the k-th kept point; the first and the last value are always kept
            final int r = kept == n ? k : (int) Math.round((double) k * (n - 1) / (kept - 1));
            x[k] = sorted[r];
            share[k] = (r + 1.0) / n; // F(x) = share of values <= x
        }
        return head("cdf", title, xLabel, "share of values \u2264 x").key("x").values(x).key("p").values(share)
                .key("n").value(n).endObject().toString();
    }

    static String curves(final String title, final String xLabel, final String yLabel, final List<Series> series) {
        final JsonText json = head("curves", title, xLabel, yLabel).key("series").beginArray();
        for (final Series s : series) {
            json.beginObject().key("name").value(s.name()).key("x").values(s.x()).key("y").values(s.y());
            if (s.lo() != null) {
                json.key("lo").values(s.lo()).key("hi").values(s.hi());
            }
            json.endObject();
        }
        return json.endArray().endObject().toString();
    }

    static String bars(final String title, final String yLabel, final String[] labels, final double[] value,
                       final double[] lo, final double[] hi) {
        sameLength(title, "value", value, "labels", labels);
        sameLength(title, "lo", lo, "labels", labels);
        sameLength(title, "hi", hi, "labels", labels);
        return head("bars", title, "", yLabel).key("labels").values(labels).key("value").values(value)
                .key("lo").values(lo).key("hi").values(hi).endObject().toString();
    }

    private static JsonText head(final String kind, final String title, final String xLabel, final String yLabel) {
        return new JsonText().beginObject().key("kind").value(kind).key("title").value(title)
                .key("xLabel").value(xLabel).key("yLabel").value(yLabel);
    }

    private static void sameLength(final String title, final String name, final double[] values,
                                   final String otherName, final double[] other) {
        if (values.length != other.length) {
            throw new IllegalArgumentException(title + ": " + values.length + " " + name + " for " + other.length
                    + " " + otherName);
        }
    }

    private static void sameLength(final String title, final String name, final double[] values,
                                   final String otherName, final String[] other) {
        if (values.length != other.length) {
            throw new IllegalArgumentException(title + ": " + values.length + " " + name + " for " + other.length
                    + " " + otherName);
        }
    }
}
