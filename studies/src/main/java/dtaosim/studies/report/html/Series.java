package dtaosim.studies.report.html;

import java.util.Objects;

/**
 * One named curve of {@link HtmlReport#curveWithInterval}: points {@code (x[i], y[i])}, each with the interval
 * {@code [lo[i], hi[i]]} (e.g. a Wilson interval) drawn as a whisker. {@code lo} and {@code hi} are both null
 * for a curve without intervals. The arrays are read when the series is added to a report.
 */
public record Series(String name, double[] x, double[] y, double[] lo, double[] hi) {
    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (y.length != x.length) {
            throw new IllegalArgumentException(name + ": " + y.length + " y for " + x.length + " x");
        }
        if ((lo == null) != (hi == null)) {
            throw new IllegalArgumentException(name + ": give both lo and hi, or neither");
        }
        if (lo != null && (lo.length != x.length || hi.length != x.length)) {
            throw new IllegalArgumentException(name + ": " + lo.length + " lo and " + hi.length + " hi for "
                    + x.length + " x");
        }
    }

    /** A curve without intervals. */
    public Series(final String name, final double[] x, final double[] y) {
        this(name, x, y, null, null);
    }
}
