package dtaosim.studies.study;

import dtaosim.engine.run.PathOutcomes;
import dtaosim.engine.run.PathRange;
import dtaosim.engine.run.RunResult;
import dtaosim.studies.report.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The per-path outcomes of finished path ranges on disk, one file per (cell, range):
 * {@code partial/cell-<k>/<from>-<to>.bin}. These are a run's checkpoints and a shard's mergeable result; each
 * is written to a temporary name and moved into place, so a file that exists is complete. Doubles are stored
 * as their bits, so what is read back is bit-identical.
 */
public final class PartialStore {
    private static final int MAGIC = 0x64746f31; // "dto1"
    private static final String SUFFIX = ".bin";

    private final Path root;

    /** The store under an output folder. */
    public PartialStore(final Path outDir) {
        this.root = outDir.resolve("partial");
    }

    /** The folder of the partial results. */
    public Path root() {
        return root;
    }

    private Path file(final int cell, final PathRange range) {
        return root.resolve("cell-" + cell).resolve(range.from() + "-" + range.to() + SUFFIX);
    }

    /** Whether the outcomes of {@code range} of {@code cell} are stored. */
    public boolean has(final int cell, final PathRange range) {
        return Files.isRegularFile(file(cell, range));
    }

    /** Stores the outcomes of one finished range. */
    public void save(final int cell, final RunResult result) throws IOException {
        final Path target = file(cell, result.range());
        Files.createDirectories(target.getParent());
        AtomicFiles.write(target, out -> write(new DataOutputStream(new BufferedOutputStream(out, 1 << 16)), result));
    }

    /** Every stored range of {@code cell}, sorted by first path. */
    public List<RunResult> load(final int cell) throws IOException {
        final Path dir = root.resolve("cell-" + cell);
        final List<RunResult> parts = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return parts;
        }
        final List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        for (final Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                parts.add(read(new DataInputStream(new BufferedInputStream(in, 1 << 16)), f.toString()));
            }
        }
        parts.sort((a, b) -> Long.compare(a.range().from(), b.range().from()));
        return parts;
    }

    /** Removes the stored ranges (after the outputs of a complete run are written). */
    public void clear() throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (final Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * One range's outcomes as bytes, in the format of the stored files: what a distributed runner ships from a
     * worker to the driver. {@link #decode} gives back the same bits.
     */
    public static byte[] encode(final RunResult result) {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(new DataOutputStream(bytes), result);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** The outcomes {@link #encode} wrote, bit for bit. */
    public static RunResult decode(final byte[] encoded) {
        try {
            return read(new DataInputStream(new ByteArrayInputStream(encoded)), "encoded partial result");
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void write(final DataOutputStream out, final RunResult result) throws IOException {
        final PathOutcomes o = result.outcomes();
        out.writeInt(MAGIC);
        out.writeLong(result.range().from());
        out.writeLong(result.range().to());
        out.writeInt(o.columns().size());
        for (final Map.Entry<String, double[]> column : o.columns().entrySet()) {
            out.writeUTF(column.getKey());
            doubles(out, column.getValue());
        }
        out.writeInt(o.series().size());
        for (final Map.Entry<String, double[]> series : o.series().entrySet()) {
            out.writeUTF(series.getKey());
            out.writeInt(o.seriesWidth(series.getKey()));
            doubles(out, series.getValue());
        }
        out.flush();
    }

    private static void doubles(final DataOutputStream out, final double[] values) throws IOException {
        out.writeInt(values.length);
        for (final double v : values) {
            out.writeLong(Double.doubleToRawLongBits(v));
        }
    }

    private static RunResult read(final DataInputStream in, final String file) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException(file + ": not a dtaosim partial result");
        }
        final PathRange range = new PathRange(in.readLong(), in.readLong());
        final int paths = Math.toIntExact(range.size());
        final PathOutcomes outcomes = new PathOutcomes(paths);
        final int columns = in.readInt();
        for (int k = 0; k < columns; k++) {
            final String name = in.readUTF();
            readInto(in, outcomes.column(name), file);
        }
        final int series = in.readInt();
        for (int k = 0; k < series; k++) {
            final String name = in.readUTF();
            final int width = in.readInt();
            readInto(in, outcomes.series(name, width), file);
        }
        return new RunResult(range, outcomes, null);
    }

    private static void readInto(final DataInputStream in, final double[] into, final String file) throws IOException {
        final int n = in.readInt();
        if (n != into.length) {
            throw new IOException(file + ": " + n + " values where " + into.length + " were expected");
        }
        for (int k = 0; k < n; k++) {
            into[k] = Double.longBitsToDouble(in.readLong());
        }
    }
}
