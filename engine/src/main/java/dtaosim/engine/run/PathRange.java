package dtaosim.engine.run;

/**
 * A contiguous range of global path indices [from, to). Runs over ranges that tile [0, P) merge, in path
 * order, into exactly the result of one run over [0, P).
 *
 * @param from first path (inclusive)
 * @param to   end (exclusive)
 */
public record PathRange(long from, long to) {
    /** Validates the bounds. */
    public PathRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("path range [" + from + ", " + to + ") is empty or negative");
        }
    }

    /** Paths in the range. */
    public long size() {
        return to - from;
    }

    /** {@code [from, to)}, as messages name a range of paths. */
    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }

    /** Shard k of n: the k-th of n nearly equal contiguous parts of [0, paths). */
    public static PathRange shard(final long paths, final int k, final int n) {
        if (n <= 0 || k < 0 || k >= n) {
            throw new IllegalArgumentException("shard: " + k + "/" + n + " is not k/n with 0 ≤ k < n");
        }
        return new PathRange(paths * k / n, paths * (k + 1) / n);
    }
}
