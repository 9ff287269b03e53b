package dtaosim.studies.study;

import dtaosim.engine.run.RunResult;
import dtaosim.studies.stats.Quantiles;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Small pieces the studies share: quantile bands over paths, time averages, distributions and their bins. */
public final class Analysis {
    /** The quantiles of a band. */
    public static final double[] BAND = {0.05, 0.25, 0.5, 0.75, 0.95};
    /** Values are recorded in .hlog files in millionths, as whole numbers. */
    public static final double HLOG_UNITS_PER_VALUE = 1e6;
    /** Largest value a distribution records (10⁹ after scaling; larger values are recorded at the limit). */
    private static final long HLOG_HIGHEST = 1_000_000_000_000_000L;

    private Analysis() {
    }

    /**
     * Quantile bands of a path-major series over paths, one row per quantile of {@link #BAND}, one column per
     * sample.
     */
    public static double[][] bands(final double[] series, final int paths, final int width) {
        final double[][] bands = new double[BAND.length][width];
        final double[] column = new double[paths];
        for (int j = 0; j < width; j++) {
            for (int p = 0; p < paths; p++) {
                column[p] = series[p * width + j];
            }
            Arrays.sort(column);
            for (int q = 0; q < BAND.length; q++) {
                bands[q][j] = Quantiles.ofSorted(column, BAND[q]);
            }
        }
        return bands;
    }

    /** Per path, the mean of its samples. */
    public static double[] timeAverage(final double[] series, final int paths, final int width) {
        final double[] mean = new double[paths];
        for (int p = 0; p < paths; p++) {
            double sum = 0.0;
            for (int j = 0; j < width; j++) {
                sum += series[p * width + j];
            }
            mean[p] = width > 0 ? sum / width : 0.0;
        }
        return mean;
    }

    /** Per sample, the mean over paths. */
    public static double[] meanOverPaths(final double[] series, final int paths, final int width) {
        final double[] mean = new double[width];
        for (int p = 0; p < paths; p++) {
            for (int j = 0; j < width; j++) {
                mean[j] += series[p * width + j];
            }
        }
        for (int j = 0; j < width; j++) {
            mean[j] /= paths;
        }
        return mean;
    }

    /** Per path, the last sample. */
    public static double[] last(final double[] series, final int paths, final int width) {
        final double[] last = new double[paths];
        for (int p = 0; p < paths; p++) {
            last[p] = series[p * width + width - 1];
        }
        return last;
    }

    /** q05, q25, q50, q75, q95 and the mean of the finite values, as a figure; null when there are none. */
    public static Map<String, Object> quantiles(final double[] values) {
        final double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            return null;
        }
        final double[] q = Quantiles.of(finite, BAND);
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("q05", q[0]);
        m.put("q25", q[1]);
        m.put("q50", q[2]);
        m.put("q75", q[3]);
        m.put("q95", q[4]);
        m.put("mean", Arrays.stream(finite).sum() / finite.length);
        m.put("n", finite.length);
        return m;
    }

    /**
     * A fixed-range integer histogram of the non-negative finite values in millionths. Its bucket layout never
     * changes (no auto-resizing), so histograms recorded in any order or merged in any order are equal.
     */
    public static Histogram histogram(final double[] values) {
        final Histogram h = new Histogram(HLOG_HIGHEST, 3);
        for (final double v : values) {
            if (Double.isFinite(v) && v >= 0.0) {
                h.recordValue(Math.min(HLOG_HIGHEST, Math.round(v * HLOG_UNITS_PER_VALUE)));
            }
        }
        return h;
    }

    /**
     * Equal-width bins over the finite values: {@code edges} (bins + 1) and {@code counts} (bins); one bin around
     * the value when all are equal.
     */
    public static Bins bins(final double[] values, final int bins) {
        final double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (final double v : finite) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (finite.length == 0) {
            return new Bins(new double[] {0.0, 1.0}, new long[1]);
        }
        if (!(hi > lo)) {
            final double pad = lo == 0.0 ? 0.5 : Math.abs(lo) * 0.05;
            return new Bins(new double[] {lo - pad, lo + pad}, new long[] {finite.length});
        }
        final double[] edges = new double[bins + 1];
        for (int k = 0; k <= bins; k++) {
            edges[k] = lo + (hi - lo) * k / bins;
        }
        final long[] counts = new long[bins];
        for (final double v : finite) {
            counts[Math.min(bins - 1, (int) ((v - lo) / (hi - lo) * bins))]++;
        }
        return new Bins(edges, counts);
    }

    /** Histogram bins of a chart. */
    public record Bins(double[] edges, long[] counts) {
    }

    /** Days from the start at the end of each sampled block. */
    public static double[] sampleDays(final int[] samples) {
        final double[] days = new double[samples.length];
        for (int j = 0; j < samples.length; j++) {
            days[j] = (samples[j] + 1) / (double) StudyPlan.BLOCKS_PER_DAY;
        }
        return days;
    }

    /** A column of the outcomes, or zeros when the run has none of that name (e.g. no registrations). */
    public static double[] columnOrZeros(final RunResult r, final String name) {
        final double[] c = r.outcomes().columns().get(name);
        return c != null ? c : new double[Math.toIntExact(r.range().size())];
    }

    /** {@code x} to three significant digits, as text. */
    public static String g3(final double x) {
        return String.format(Locale.ROOT, "%.3g", x);
    }

    /** {@code x} as a percentage to three significant digits, as text. */
    public static String pct(final double x) {
        return String.format(Locale.ROOT, "%.3g %%", 100 * x);
    }
}
