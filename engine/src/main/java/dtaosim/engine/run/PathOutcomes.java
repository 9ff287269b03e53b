package dtaosim.engine.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-path outcomes of one batch or one path range: named columns of doubles, one entry per path, and named
 * series, a fixed number of doubles per path, each in the order they were first asked for. Columns and series
 * are created when the batch ends, never in the per-block loop.
 *
 * <p>A series of width {@code w} holds path k's values at {@code [k·w, (k + 1)·w)} (path-major), so the
 * outcomes of consecutive path ranges concatenate into those of their union, as columns do.
 */
public final class PathOutcomes {
    private final int paths;
    private final Map<String, double[]> columns = new LinkedHashMap<>();
    private final Map<String, double[]> series = new LinkedHashMap<>();
    private final Map<String, Integer> seriesWidths = new LinkedHashMap<>();

    /** Empty outcomes for {@code paths} paths. */
    public PathOutcomes(final int paths) {
        this.paths = paths;
    }

    /** Number of paths. */
    public int paths() {
        return paths;
    }

    /** The column named {@code name}, created (zero-filled) on first use. */
    public double[] column(final String name) {
        return columns.computeIfAbsent(name, k -> new double[paths]);
    }

    /** The column named {@code name}, or an error listing the names there are. */
    public double[] get(final String name) {
        final double[] column = columns.get(name);
        if (column == null) {
            throw new IllegalArgumentException("no outcome '" + name + "'; outcomes are " + columns.keySet());
        }
        return column;
    }

    /** Read-only view of every column. */
    public Map<String, double[]> columns() {
        return Collections.unmodifiableMap(columns);
    }

    /**
     * The series named {@code name} with {@code width} values per path (path-major, {@code paths · width}
     * values), created zero-filled on first use; asking for it again with another width is an error.
     */
    public double[] series(final String name, final int width) {
        final Integer known = seriesWidths.get(name);
        if (known != null) {
            if (known != width) {
                throw new IllegalArgumentException("series '" + name + "' has width " + known + ", not " + width);
            }
            return series.get(name);
        }
        if (width < 0) {
            throw new IllegalArgumentException("series '" + name + "': width " + width + " is negative");
        }
        final double[] values = new double[Math.multiplyExact(paths, width)];
        series.put(name, values);
        seriesWidths.put(name, width);
        return values;
    }

    /** The series named {@code name}, or an error listing the series there are. */
    public double[] getSeries(final String name) {
        final double[] values = series.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no series '" + name + "'; series are " + series.keySet());
        }
        return values;
    }

    /** Values per path of the series named {@code name}. */
    public int seriesWidth(final String name) {
        getSeries(name);
        return seriesWidths.get(name);
    }

    /** Read-only view of every series (name → path-major values); widths from {@link #seriesWidth}. */
    public Map<String, double[]> series() {
        return Collections.unmodifiableMap(series);
    }

    /**
     * Copies every column and series of {@code part} (outcomes of consecutive paths) into this one, its first path
     * going to path slot {@code offset}.
     */
    void copyFrom(final PathOutcomes part, final int offset) {
        final int n = part.paths;
        for (final Map.Entry<String, double[]> column : part.columns.entrySet()) {
            System.arraycopy(column.getValue(), 0, column(column.getKey()), offset, n);
        }
        for (final Map.Entry<String, double[]> values : part.series.entrySet()) {
            final int width = part.seriesWidths.get(values.getKey());
            System.arraycopy(values.getValue(), 0, series(values.getKey(), width), Math.multiplyExact(offset, width),
                    Math.multiplyExact(n, width));
        }
    }
}
