package dtaosim.studies.study;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Progress of a study on stderr: paths done of all, path-blocks per second and the time left. On a terminal
 * one line redrawn in place (at most every 0.2 s); otherwise a plain line at most every 10 s and at the end.
 * Worker threads report each hundredth of a batch's horizon concurrently, so the bar moves within a batch.
 */
public final class Progress implements LongConsumer {
    private final PrintStream err;
    private final long total;
    private final int blocks;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final long quietNanos;
    private final AtomicLong done = new AtomicLong();
    private long lastPrint;
    private boolean printed;

    /**
     * @param err    where to print (stderr), or null for silence
     * @param total  paths to simulate in this process (all cells)
     * @param blocks blocks per path
     */
    public Progress(final PrintStream err, final long total, final int blocks) {
        this(err, total, blocks, 0.0);
    }

    /**
     * @param err          where to print (stderr), or null for silence
     * @param total        paths to simulate in this process
     * @param blocks       blocks per path
     * @param quietSeconds nothing is printed before this much time has passed (a short run stays silent)
     */
    public Progress(final PrintStream err, final long total, final int blocks, final double quietSeconds) {
        this.err = err;
        this.total = total;
        this.blocks = blocks;
        this.terminal = System.console() != null && err == System.err;
        this.quietNanos = (long) (quietSeconds * 1e9);
    }

    /** Counts {@code pathBlocks} more simulated path-blocks (paths × blocks, as the runner reports them). */
    @Override
    public void accept(final long pathBlocks) {
        final long now = done.addAndGet(pathBlocks) / Math.max(1, blocks); // whole paths
        if (err == null) {
            return;
        }
        synchronized (this) {
            final long t = System.nanoTime();
            if (t - start < quietNanos) {
                return;
            }
            final long every = terminal ? 200_000_000L : 10_000_000_000L;
            if (now < total && printed && t - lastPrint < every) {
                return;
            }
            lastPrint = t;
            printed = true;
            final double seconds = (t - start) / 1e9;
            final double simulated = done.get();
            final double all = (double) total * blocks;
            final double rate = seconds > 0 ? simulated / seconds : 0.0;
            final double eta = simulated > 0 ? seconds * (all - simulated) / simulated : Double.NaN;
            final String line = String.format(Locale.ROOT, "%s %,d/%,d paths  %.3g path-blocks/s  ETA %s",
                    bar(simulated / all), now, total, rate, Double.isNaN(eta) ? "?"
                            : String.format(Locale.ROOT, "%.0f s", eta));
            if (terminal) {
                err.print("\r" + line + (now >= total ? "\n" : ""));
            } else {
                err.println(line);
            }
            err.flush();
        }
    }

    /** Whole paths simulated so far. */
    public long done() {
        return done.get() / Math.max(1, blocks);
    }

    private static String bar(final double fraction) {
        final int width = 24;
        final int filled = Double.isNaN(fraction) ? width : (int) Math.min(width, width * fraction);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }
}
