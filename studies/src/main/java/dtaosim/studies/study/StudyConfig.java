package dtaosim.studies.study;

import dtaosim.engine.model.Era;
import dtaosim.studies.scenario.ScenarioSource;
import java.util.List;

/**
 * Everything that fixes a study's numbers: which study, the scenario, the horizon, paths, seed, eras, the grid
 * and the study's own settings. How it runs (threads, checkpoints, shards, output folder) is not here: it
 * never changes a figure.
 *
 * @param study      study name ({@link Studies})
 * @param source     the scenario's text and origin
 * @param paths      paths P, or null for the scenario's
 * @param blocks     horizon in blocks, or null for the scenario's
 * @param seed       seed, or null for the scenario's
 * @param eras       eras: empty for the scenario's, one to run under it, several to compare (a grid dimension)
 * @param sweeps     grid dimensions, the first varying slowest
 * @param subnet     subnet slot a study targets (the meme subnet), or null to take the scenario's
 * @param thresholds emission-share thresholds of meme-capture, or empty for the default
 * @param withinDays capture window in days, or null for the whole horizon
 * @param samples    sampled points of the time series
 */
public record StudyConfig(String study, ScenarioSource source, Long paths, Integer blocks, Long seed, List<Era> eras,
                          List<Sweep> sweeps, Integer subnet, List<Double> thresholds, Double withinDays,
                          int samples) {
    /** Default number of samples of the time series. */
    public static final int DEFAULT_SAMPLES = 120;

    /** Copies the lists. */
    public StudyConfig {
        eras = List.copyOf(eras);
        sweeps = List.copyOf(sweeps);
        thresholds = List.copyOf(thresholds);
    }
}
