package dtaosim.studies.study;

import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.model.Switch;
import dtaosim.engine.run.RunResult;
import dtaosim.studies.report.AtomicFiles;
import dtaosim.studies.report.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a study's folder: {@code timeseries.csv}, {@code paths.csv}, {@code distributions.hlog},
 * {@code report.html}, and last {@code summary.json}, each to a temporary name moved into place, so a folder
 * with a summary is complete. Everything but the summary's {@code stamp} depends only on the plan and the
 * per-path results, never on threads, shards or resumes.
 */
public final class OutputWriter {
    /** Name of the summary, written last. */
    public static final String SUMMARY = "summary.json";

    private OutputWriter() {
    }

    /** Writes every output of a finished study into {@code dir}. */
    public static void write(final Path dir, final StudyPlan plan, final List<RunResult> results,
                             final StudyOutput output, final Map<String, Object> stamp) throws IOException {
        // the texts first: a value no format can hold fails here, before the folder has any file
        final String timeseries = timeseries(plan, results);
        final String paths = paths(plan, results);
        final String summary = Json.write(summary(plan, output, stamp)) + "\n";
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve("timeseries.csv"), timeseries);
        AtomicFiles.writeString(dir.resolve("paths.csv"), paths);
        AtomicFiles.write(dir.resolve("distributions.hlog"), out -> hlog(new PrintStream(out, false,
                StandardCharsets.UTF_8), plan, results, output));
        output.report().write(dir.resolve("report.html"));
        AtomicFiles.writeString(dir.resolve(SUMMARY), summary);
    }

    /** The summary: figures and what produced them; {@code stamp} holds what may differ between equal runs. */
    static Map<String, Object> summary(final StudyPlan plan, final StudyOutput output, final Map<String, Object> stamp) {
        final StudyConfig config = plan.config();
        final Map<String, Object> s = new LinkedHashMap<>();
        s.put("study", config.study());
        s.put("answer", output.answer());
        s.put("stamp", stamp);
        final Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", config.source().name());
        scenario.put("builtIn", config.source().builtIn());
        scenario.put("text", config.source().text());
        s.put("scenario", scenario);
        s.put("paths", plan.paths());
        s.put("blocks", plan.blocks());
        s.put("days", plan.days());
        s.put("startBlock", plan.startBlock());
        s.put("seed", plan.cells().get(0).scenario().seed());
        s.put("samples", plan.samples().length);
        final List<String> sweeps = new ArrayList<>();
        for (final Sweep sweep : config.sweeps()) {
            sweeps.add(sweep.toString());
        }
        s.put("sweeps", sweeps);
        final List<Object> cells = new ArrayList<>();
        final Set<String> eras = new LinkedHashSet<>();
        for (final Cell cell : plan.cells()) {
            final Map<String, Object> c = new LinkedHashMap<>();
            c.put("cell", cell.index());
            c.put("coordinates", new LinkedHashMap<>(cell.coordinates()));
            final ProtocolParams protocol = cell.scenario().protocol();
            eras.add(protocol.era().id());
            c.put("era", protocol.era().id());
            final List<String> upgrades = new ArrayList<>();
            cell.scenario().eraChanges().forEach(change -> {
                upgrades.add(change.protocol().era().id() + "@" + change.block());
                eras.add(change.protocol().era().id());
            });
            c.put("eraChanges", upgrades);
            c.put("parameters", parameters(protocol));
            c.put("switches", switches(protocol));
            c.put("behaviours", cell.scenario().behaviours().stream().map(Object::toString).toList());
            cells.add(c);
        }
        s.put("eras", new ArrayList<>(eras));
        s.put("cells", cells);
        s.put("target", plan.target());
        s.put("selectedSubnets", Arrays.stream(plan.selected()).boxed().toList());
        s.put("thresholds", plan.thresholds());
        s.put("figures", output.figures());
        return s;
    }

    private static Map<String, Object> parameters(final ProtocolParams protocol) {
        final Map<String, Object> m = new LinkedHashMap<>();
        for (final Parameter p : Parameter.values()) {
            m.put(p.id(), protocol.get(p));
        }
        m.put("movingPriceRamp", protocol.movingPriceRamp());
        return m;
    }

    private static Map<String, Object> switches(final ProtocolParams protocol) {
        final Map<String, Object> m = new LinkedHashMap<>();
        for (final Switch sw : Switch.of(protocol.era())) {
            m.put(sw.id(), protocol.on(sw));
        }
        return m;
    }

    /** Quantile bands of every series of every cell, one row per (cell, series, sample). */
    static String timeseries(final StudyPlan plan, final List<RunResult> results) {
        final StringBuilder csv = new StringBuilder("cell,series,sample,block,day,q05,q25,q50,q75,q95,mean\n");
        final int[] samples = plan.samples();
        final double[] days = Analysis.sampleDays(samples);
        for (int c = 0; c < results.size(); c++) {
            final RunResult r = results.get(c);
            final int paths = Math.toIntExact(r.range().size());
            for (final Map.Entry<String, double[]> e : r.outcomes().series().entrySet()) {
                final int width = r.outcomes().seriesWidth(e.getKey());
                final double[][] bands = Analysis.bands(e.getValue(), paths, width);
                final double[] mean = Analysis.meanOverPaths(e.getValue(), paths, width);
                for (int j = 0; j < width; j++) {
                    csv.append(c).append(',').append(e.getKey()).append(',').append(j).append(',')
                            .append(plan.startBlock() + samples[j]).append(',').append(days[j]);
                    for (final double[] band : bands) {
                        csv.append(',').append(band[j]);
                    }
                    csv.append(',').append(mean[j]).append('\n');
                }
            }
        }
        return csv.toString();
    }

    /** Every path's outcome columns, one row per (cell, path); empty where a cell has no such column. */
    static String paths(final StudyPlan plan, final List<RunResult> results) {
        final Set<String> names = new LinkedHashSet<>();
        for (final RunResult r : results) {
            names.addAll(r.outcomes().columns().keySet());
        }
        final StringBuilder csv = new StringBuilder("cell,path");
        for (final String name : names) {
            csv.append(',').append(name);
        }
        csv.append('\n');
        for (int c = 0; c < results.size(); c++) {
            final RunResult r = results.get(c);
            final int paths = Math.toIntExact(r.range().size());
            final List<double[]> columns = new ArrayList<>();
            for (final String name : names) {
                columns.add(r.outcomes().columns().get(name));
            }
            for (int p = 0; p < paths; p++) {
                csv.append(c).append(',').append(r.range().from() + p);
                for (final double[] column : columns) {
                    csv.append(',');
                    if (column != null && !Double.isNaN(column[p])) {
                        csv.append(column[p]);
                    }
                }
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    /**
     * The study's own distributions, then every series' samples over all paths per cell (millions of values for
     * big runs), tagged {@code cell<k>/<name>}, in millionths. Time stamps are zero so equal runs write equal logs.
     */
    private static void hlog(final PrintStream out, final StudyPlan plan, final List<RunResult> results,
                             final StudyOutput output) {
        final HistogramLogWriter log = new HistogramLogWriter(out);
        log.outputComment("dtaosim " + plan.config().study() + ": values recorded in millionths (value x 1e6)");
        log.outputLogFormatVersion();
        log.outputLegend();
        final Map<String, Histogram> all = new LinkedHashMap<>(output.histograms());
        for (int c = 0; c < results.size(); c++) {
            final RunResult r = results.get(c);
            for (final Map.Entry<String, double[]> e : r.outcomes().series().entrySet()) {
                all.put("cell" + c + "/" + e.getKey(), Analysis.histogram(e.getValue()));
            }
        }
        for (final Map.Entry<String, Histogram> e : all.entrySet()) {
            final Histogram h = e.getValue();
            h.setTag(e.getKey());
            h.setStartTimeStamp(0);
            h.setEndTimeStamp(0);
            log.outputIntervalHistogram(h);
        }
        out.flush();
    }
}
