package dtaosim.engine.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-path outcomes of one batch or one path range: named columns of doubles, one entry per path, in the order
 * they were first asked for. Columns are created when the batch ends, never in the per-block loop.
 */
public final class PathOutcomes {
    private final int paths;
    private final Map<String, double[]> columns = new LinkedHashMap<>();

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
}
