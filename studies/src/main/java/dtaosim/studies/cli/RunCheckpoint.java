package dtaosim.studies.cli;

import dtaosim.engine.run.FinalState;
import dtaosim.engine.run.PathRange;
import dtaosim.engine.run.RunOptions;
import dtaosim.engine.run.RunResult;
import dtaosim.engine.run.Runner;
import dtaosim.engine.run.Scenario;
import dtaosim.studies.report.AtomicFiles;
import dtaosim.studies.study.PartialStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The finished path ranges of one {@code dtaosim run}, kept in a folder so that the same command run again
 * after an interruption simulates only what is missing: {@code run.id} says which run the folder belongs to
 * ({@link RunIdentity}), and each {@code <from>-<to>.bin} holds a range's per-path outcomes and final state, bit
 * for bit. Every file is written to a temporary name and moved into place, so a file that exists is complete.
 */
final class RunCheckpoint {
    private static final String ID = "run.id";
    private static final String SUFFIX = ".bin";
    private static final int MAGIC = 0x64747231; // "dtr1"
    private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)\\.bin");
    /** The paths are run in about this many ranges, each stored when it finishes. */
    static final int RANGES = 16;

    private final String option;
    private final Path dir;

    private RunCheckpoint(final String option, final Path dir) {
        this.option = option;
        this.dir = dir;
    }

    /**
     * Opens {@code dir} for the run that {@code identity} describes: a new or empty folder starts one, a folder
     * of the same run continues it; any other folder is refused, naming {@code option}.
     */
    static RunCheckpoint open(final String option, final Path dir, final String identity) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + ": " + dir + " is a file, not a folder");
        }
        final Path id = dir.resolve(ID);
        try {
            if (Files.isRegularFile(id)) {
                if (!Files.readString(id).equals(identity)) {
                    throw new IllegalArgumentException(option + ": " + dir + " holds the checkpoint of another run"
                            + " (scenario, pools, paths, blocks, seed, era or dtaosim's code differ); give the same"
                            + " command, or a new or empty folder");
                }
                return new RunCheckpoint(option, dir);
            }
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    if (list.findAny().isPresent()) {
                        throw new IllegalArgumentException(option + ": " + dir + " is not empty and holds no run"
                                + " checkpoint; give a new or empty folder");
                    }
                }
            }
            Files.createDirectories(dir);
            AtomicFiles.writeString(id, identity);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": cannot use " + dir + " as a folder ("
                    + describe(e) + ")", e);
        }
        return new RunCheckpoint(option, dir);
    }

    /** The folder. */
    Path dir() {
        return dir;
    }

    /**
     * The path ranges of a run of {@code paths} paths on {@code threads} threads: the ranges {@code stored}
     * (whatever thread count stored them) and the gaps between them cut into pieces of about
     * 1/{@link #RANGES} of the paths in whole batches, rounded up to a batch for every thread (so that no
     * thread idles inside a piece); where that would leave fewer than four pieces, a quarter of the paths (as
     * many threads busy as four pieces allow). A path's numbers do not depend on the cut.
     */
    static List<PathRange> ranges(final long paths, final int threads, final List<PathRange> stored) {
        final long batch = RunOptions.DEFAULT_BATCH_PATHS;
        final long perThread = ceilTo(ceilTo((paths + RANGES - 1) / RANGES, batch), batch * threads);
        final long quarter = ceilTo((paths + 3) / 4, batch);
        final long size = Math.min(perThread, quarter);
        final List<PathRange> ranges = new ArrayList<>();
        long next = 0;
        for (final PathRange r : stored) {
            if (r.from() >= next && r.to() <= paths) { // a stored range overlapping another is not used
                cut(next, r.from(), size, ranges);
                ranges.add(r);
                next = r.to();
            }
        }
        cut(next, paths, size, ranges);
        return ranges;
    }

    private static long ceilTo(final long value, final long step) {
        return (value + step - 1) / step * step;
    }

    private static void cut(final long from, final long to, final long size, final List<PathRange> into) {
        for (long start = from; start < to; start += size) {
            into.add(new PathRange(start, Math.min(to, start + size)));
        }
    }

    /**
     * Runs the {@code ranges} (which tile the run's paths) that are not stored, storing each as it finishes, and
     * merges them with the stored ones.
     */
    RunResult runMissing(final Scenario run, final RunOptions options, final List<PathRange> ranges) {
        final List<RunResult> parts = new ArrayList<>(ranges.size());
        for (final PathRange range : ranges) {
            RunResult part = load(range);
            if (part == null) {
                part = Runner.run(run, range, options);
                save(part);
            }
            parts.add(part);
        }
        return RunResult.merge(parts);
    }

    /**
     * Paths held in finished ranges, for the message on Ctrl-C: no range is stored after this (the JVM is
     * stopping, {@link AtomicFiles#stopWrites}), so the count is final.
     */
    long keptAfterStop() {
        AtomicFiles.stopWrites();
        try {
            return stored().stream().mapToLong(PathRange::size).sum();
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
    }

    private Path file(final PathRange range) {
        return dir.resolve(range.from() + "-" + range.to() + SUFFIX);
    }

    /** The finished ranges, by first path (whatever cut the run that stored them used). */
    List<PathRange> stored() throws IOException {
        final List<PathRange> ranges = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (final Path f : list.toList()) {
                final Matcher m = RANGE.matcher(f.getFileName().toString());
                if (m.matches()) {
                    try {
                        ranges.add(new PathRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
                    } catch (IllegalArgumentException e) { // NumberFormatException too
                        throw damaged(f, e);
                    }
                }
            }
        }
        ranges.sort(Comparator.comparingLong(PathRange::from));
        return ranges;
    }

    /** Whether {@code range} has finished. */
    boolean has(final PathRange range) {
        return Files.isRegularFile(file(range));
    }

    /** The stored result of {@code range}, or null if it has not finished. */
    RunResult load(final PathRange range) {
        final Path f = file(range);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
            final RunResult result = read(in);
            if (!result.range().equals(range) || in.read() != -1) {
                throw new IOException("it does not hold exactly paths " + range.from() + " to " + range.to());
            }
            return result;
        } catch (IOException | RuntimeException e) {
            throw damaged(f, e);
        }
    }

    private IllegalArgumentException damaged(final Path f, final Exception e) {
        return new IllegalArgumentException(option + ": " + f + " is not a finished range of this run ("
                + describe(e) + "); delete that file to run its paths again, or " + dir + " to start over", e);
    }

    /** Stores one finished range with its final state. */
    void save(final RunResult result) {
        try {
            AtomicFiles.write(file(result.range()), out -> {
                final DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
                write(data, result);
                data.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(option + ": cannot store paths " + result.range().from() + " to "
                    + result.range().to() + " in " + dir + " (" + describe(e) + ")", e);
        }
    }

    /** What went wrong, in words ({@link AtomicFiles#describe}) for a file system's error. */
    static String describe(final Exception e) {
        return e instanceof IOException io ? AtomicFiles.describe(io)
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Removes the stored ranges and the folder, once the run's outputs are written. */
    void clear() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            for (final Path f : list.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir.resolve(ID));
        try (Stream<Path> list = Files.list(dir)) {
            if (list.findAny().isEmpty()) {
                Files.delete(dir);
            }
        }
    }

    private static void write(final DataOutputStream out, final RunResult result) throws IOException {
        final byte[] outcomes = PartialStore.encode(result);
        out.writeInt(MAGIC);
        out.writeInt(outcomes.length);
        out.write(outcomes);
        final FinalState state = result.finalState();
        out.writeInt(state.subnets());
        for (final Map.Entry<String, double[]> field : state.fields().entrySet()) {
            out.writeUTF(field.getKey());
            out.writeInt(field.getValue().length);
            for (final double v : field.getValue()) {
                out.writeLong(Double.doubleToRawLongBits(v));
            }
        }
    }

    private static RunResult read(final DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a dtaosim run checkpoint");
        }
        final int length = in.readInt();
        if (length < 0 || length > 1 << 30) {
            throw new IOException("an outcomes block of " + length + " bytes");
        }
        final byte[] encoded = new byte[length];
        in.readFully(encoded);
        final RunResult outcomes = PartialStore.decode(encoded);
        final int subnets = in.readInt();
        final FinalState state = FinalState.allocate(Math.toIntExact(outcomes.range().size()), subnets);
        for (final Map.Entry<String, double[]> field : state.fields().entrySet()) {
            final String name = in.readUTF();
            final double[] into = field.getValue();
            if (!name.equals(field.getKey()) || in.readInt() != into.length) {
                throw new IOException("final state field " + name + " does not fit this run");
            }
            for (int k = 0; k < into.length; k++) {
                into[k] = Double.longBitsToDouble(in.readLong());
            }
        }
        return new RunResult(outcomes.range(), outcomes.outcomes(), state);
    }
}
