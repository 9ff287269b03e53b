package dtaosim.studies.report;

import dtaosim.engine.run.FinalState;
import dtaosim.engine.run.RunResult;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The final per-path, per-subnet state of a run as one JSON object: the run's description (header keys), then
 * {@code perPath}, one object per path in path order with its {@code outcomes} (every outcome column) and its
 * subnets' {@code taoReserve}, {@code alphaIn}, {@code alphaOut} and {@code movingPrice} (by slot). Written to a
 * temporary file next to the target and moved into place when complete, so the target is either absent, the
 * old file, or the whole new dump.
 */
public final class StateDump {
    private final Path target;

    private StateDump(final Path target) {
        this.target = target;
    }

    /**
     * A dump to {@code file}, checked now (before any simulation): its directory must exist and it must not be
     * a directory itself.
     *
     * @param option the option's name for errors, e.g. {@code --dump-state}
     */
    public static StateDump to(final String option, final Path file) {
        if (file.toString().isEmpty()) {
            throw new IllegalArgumentException(option + ": an empty name is not a file name");
        }
        final Path absolute = file.toAbsolutePath();
        final Path target;
        try {
            target = AtomicFiles.destination(absolute);
        } catch (final IOException e) {
            throw new IllegalArgumentException(option + ": " + file + ": " + AtomicFiles.describe(e), e);
        }
        // a link is checked where it points
        final String shown = target.equals(absolute) ? file.toString() : file + " (→ " + target + ")";
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(option + ": " + shown + " is a directory; give a file name");
        }
        if (AtomicFiles.inPlace(target)) {
            // a device, FIFO or standard stream, written in place
            if (AtomicFiles.standardStream(target) == null && !Files.isWritable(target)) {
                throw new IllegalArgumentException(option + ": " + shown + " is not writable");
            }
            return new StateDump(absolute);
        }
        final Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + ": " + shown + ": directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException(option + ": " + shown + ": directory " + dir + " is not writable");
        }
        // the dump is written beside its target and moved onto it: try that now, before the run
        try {
            Files.delete(Files.createTempFile(dir, ".dtaosim-write-check", ".tmp"));
        } catch (final IOException e) {
            throw new IllegalArgumentException(option + ": " + shown + ": cannot create files in " + dir + " ("
                    + AtomicFiles.describe(e) + ")", e);
        }
        return new StateDump(absolute);
    }

    /** The file written. */
    public Path target() {
        return target;
    }

    /**
     * Writes the dump.
     *
     * @param header keys describing the run, written first (scenario, era, sizes, seed)
     * @param result a run over every path with its final state kept
     */
    public void write(final Map<String, Object> header, final RunResult result) throws IOException {
        final FinalState state = result.finalState();
        if (state == null) {
            throw new IllegalArgumentException("the state dump needs the run's final state");
        }
        final Map<String, double[]> outcomes = result.outcomes().columns();
        final int paths = state.paths();
        final int subnets = state.subnets();
        AtomicFiles.write(target, stream -> {
            final BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            out.write("{\n");
            for (final Map.Entry<String, Object> e : header.entrySet()) {
                out.write(" " + Json.write(e.getKey()) + ": " + Json.write(e.getValue()) + ",\n");
            }
            out.write(" \"perPath\": [\n");
            for (int p = 0; p < paths; p++) {
                final Map<String, Object> path = new LinkedHashMap<>();
                path.put("path", result.range().from() + p);
                final Map<String, Object> values = new LinkedHashMap<>();
                for (final Map.Entry<String, double[]> column : outcomes.entrySet()) {
                    final double value = column.getValue()[p];
                    values.put(column.getKey(), Double.isNaN(value) ? null : value); // undefined ratio
                }
                path.put("outcomes", values);
                final int from = p * subnets;
                final int to = from + subnets;
                for (final Map.Entry<String, double[]> field : state.fields().entrySet()) {
                    path.put(field.getKey(), Arrays.copyOfRange(field.getValue(), from, to));
                }
                out.write(Json.write(path));
                out.write(p + 1 < paths ? ",\n" : "\n");
            }
            out.write(" ]\n}\n");
            out.flush();
        });
    }
}
