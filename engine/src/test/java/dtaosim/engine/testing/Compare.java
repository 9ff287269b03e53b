package dtaosim.engine.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dtaosim.engine.run.FinalState;
import dtaosim.engine.run.RunResult;
import java.util.Map;
import java.util.TreeSet;

/** Comparisons of run results: relative closeness, and bit-for-bit identity. */
public final class Compare {
    private Compare() {
    }

    /**
     * Relative difference {@code |a − b| / max(|a|, |b|)}, 0 when both are 0, infinite when exactly one is NaN or
     * they differ in sign beyond rounding.
     */
    public static double relativeDifference(final double a, final double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b) ? 0.0 : Double.POSITIVE_INFINITY;
        }
        if (a == b) {
            return 0.0;
        }
        return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    }

    /** Fails with {@code what}, both values and their relative difference if it exceeds {@code tolerance}. */
    public static void assertRelativelyClose(final String what, final double expected, final double actual,
                                             final double tolerance) {
        final double difference = relativeDifference(expected, actual);
        if (!(difference <= tolerance)) {
            fail(what + ": expected " + expected + ", got " + actual + " (relative difference " + difference
                    + " > " + tolerance + ")");
        }
    }

    /**
     * Asserts two results hold the same columns, series and final state, bit for bit ({@code doubleToRawLongBits}).
     */
    public static void assertBitIdentical(final String what, final RunResult expected, final RunResult actual) {
        assertEquals(expected.range(), actual.range(), what + ": path range");
        final Map<String, double[]> want = expected.outcomes().columns();
        final Map<String, double[]> got = actual.outcomes().columns();
        assertEquals(new TreeSet<>(want.keySet()), new TreeSet<>(got.keySet()), what + ": outcome names");
        for (final Map.Entry<String, double[]> column : want.entrySet()) {
            assertArrayEquals(rawBits(column.getValue()), rawBits(got.get(column.getKey())),
                    what + ": outcome " + column.getKey());
        }
        final Map<String, double[]> wantSeries = expected.outcomes().series();
        final Map<String, double[]> gotSeries = actual.outcomes().series();
        assertEquals(new TreeSet<>(wantSeries.keySet()), new TreeSet<>(gotSeries.keySet()), what + ": series names");
        for (final Map.Entry<String, double[]> series : wantSeries.entrySet()) {
            assertEquals(expected.outcomes().seriesWidth(series.getKey()),
                    actual.outcomes().seriesWidth(series.getKey()), what + ": width of series " + series.getKey());
            assertArrayEquals(rawBits(series.getValue()), rawBits(gotSeries.get(series.getKey())),
                    what + ": series " + series.getKey());
        }
        final FinalState a = expected.finalState();
        final FinalState b = actual.finalState();
        assertEquals(a == null, b == null, what + ": final state kept");
        if (a != null) {
            assertEquals(a.subnets(), b.subnets(), what + ": subnets");
            final Map<String, double[]> gotFields = b.fields();
            for (final Map.Entry<String, double[]> field : a.fields().entrySet()) {
                assertArrayEquals(rawBits(field.getValue()), rawBits(gotFields.get(field.getKey())),
                        what + ": final " + field.getKey());
            }
        }
    }

    /** The raw IEEE-754 bits of every element. */
    public static long[] rawBits(final double[] values) {
        final long[] bits = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            bits[k] = Double.doubleToRawLongBits(values[k]);
        }
        return bits;
    }
}
