package dtaosim.studies.study;

import dtaosim.engine.market.Behaviour;
import dtaosim.engine.market.MemeCohort;
import dtaosim.engine.market.PumpAndDump;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.run.Scenario;
import dtaosim.studies.scenario.Overrides;
import dtaosim.studies.scenario.ScenarioEdit;
import dtaosim.studies.scenario.ScenarioFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A study's grid resolved into engine scenarios: every cell's scenario checked (errors name the field, before
 * anything runs), the target subnet, the thresholds and the sample blocks. All cells share the paths, the
 * horizon and the seed, so their paths see the same random numbers and per-path differences are paired.
 *
 * @param config     the study's configuration
 * @param base       the scenario file as written
 * @param cells      the grid's cells, the first sweep varying slowest
 * @param paths      paths P of every cell
 * @param blocks     blocks of every cell
 * @param startBlock chain block of the first simulated block
 * @param target     target subnet slot, or −1
 * @param selected   subnet slots with per-subnet series
 * @param thresholds emission-share thresholds (meme-capture), increasing
 * @param samples    sample offsets of the time series
 */
public record StudyPlan(StudyConfig config, ScenarioFile base, List<Cell> cells, long paths, int blocks,
                        long startBlock, int target, int[] selected, double[] thresholds, int[] samples) {
    /** Blocks per day (12 s blocks). */
    public static final int BLOCKS_PER_DAY = 7200;
    /** Default meme-capture thresholds, as multiples of the target's starting price share. */
    static final double[] THRESHOLD_MULTIPLES = {1.25, 1.5, 2.0, 3.0};
    /** Default meme-capture capital grid, as multiples of the cohort's capital. */
    static final double[] CAPITAL_MULTIPLES = {0.25, 0.5, 1.0, 2.0, 4.0};
    private static final int MAX_SELECTED = 8;
    /** Scenario keys every cell shares, so no sweep may change them. */
    private static final Set<String> SHARED_KEYS = Set.of("paths", "blocks", "days", "seed", "startBlock");

    /** Resolves {@code config}; every error names the option or field. */
    public static StudyPlan of(final StudyConfig config) {
        final ScenarioFile base = config.source().parse(List.of());
        final int target = target(config, base);
        if (config.study().equals(Studies.MEME_CAPTURE) && target < 0) {
            throw new IllegalArgumentException("--subnet: the scenario has no meme-cohort or pump-and-dump behaviour"
                    + " to take the target subnet from; give --subnet N");
        }
        final List<Sweep> sweeps = sweeps(config, base);
        final int source = targetSource(config, base);
        if (source >= 0 && sweeps.stream().anyMatch(w -> w.key().equals("behaviours[" + source + "].subnet"))) {
            throw new IllegalArgumentException("--sweep behaviours[" + source + "].subnet: the study follows that"
                    + " behaviour's subnet (" + target + "), and a sweep moves the behaviour, not the subnet followed;"
                    + " run one study per subnet with --subnet");
        }
        final List<Era> eras = config.eras().size() == 1 ? config.eras() : List.of();
        final Era only = eras.isEmpty() ? null : eras.get(0);
        final List<Cell> cells = new ArrayList<>();
        final int[] index = new int[sweeps.size()];
        Scenario first = null;
        int[] samples = null;
        int[] selected = null;
        double[] thresholds = null;
        while (true) {
            final Map<String, String> coordinates = new LinkedHashMap<>();
            final List<ScenarioEdit> edits = new ArrayList<>();
            Era era = only;
            for (int d = 0; d < sweeps.size(); d++) {
                final Sweep sweep = sweeps.get(d);
                final String value = sweep.values().get(index[d]);
                coordinates.put(sweep.key(), value);
                if (sweep.key().equals(Studies.ERA_KEY)) {
                    era = Era.byId(value);
                } else {
                    edits.add(new ScenarioEdit(sweep.key(), value));
                }
            }
            final ScenarioFile file = prefixed(coordinates, () -> config.source().parse(edits));
            final Era cellEra = era;
            Scenario scenario = prefixed(coordinates, () -> file.resolve(new Overrides(config.paths(), config.blocks(),
                    config.seed(), cellEra)));
            if (first == null) {
                first = scenario;
                samples = Sampling.offsets(scenario.blocks(), config.samples());
                if (config.study().equals(Studies.YUMA) && scenario.yuma() == null) {
                    throw new IllegalArgumentException("SCENARIO: the yuma study needs a scenario with a yuma:"
                            + " section (e.g. yuma-demo; see README, Scenario files)");
                }
                selected = selected(target, base, scenario);
                thresholds = thresholds(config, target, scenario.network());
            } else if (scenario.blocks() != first.blocks() || scenario.paths() != first.paths()
                    || scenario.startBlock() != first.startBlock() || scenario.seed() != first.seed()) {
                throw new IllegalArgumentException("--sweep: cell " + coordinates + " changes the paths, horizon, start"
                        + " block or seed; every cell of a study shares them (pass --paths, --blocks or --seed)");
            }
            if (target >= scenario.slots()) {
                throw new IllegalArgumentException("--subnet: " + target + " is not in [0, " + (scenario.slots() - 1)
                        + "]");
            }
            scenario = scenario.withProbe(new SeriesProbe(scenario.startBlock(), samples, selected, target,
                    thresholds));
            cells.add(new Cell(cells.size(), coordinates, scenario));
            int d = sweeps.size() - 1;
            while (d >= 0 && ++index[d] == sweeps.get(d).values().size()) {
                index[d--] = 0;
            }
            if (d < 0) {
                break;
            }
        }
        withinWindow(config, first.blocks());
        return new StudyPlan(config, base, List.copyOf(cells), first.paths(), first.blocks(), first.startBlock(),
                target, selected, thresholds, samples);
    }

    /** Builds a cell's scenario; an error names the cell by its grid coordinates. */
    private static <T> T prefixed(final Map<String, String> coordinates, final Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            if (coordinates.isEmpty()) {
                throw e;
            }
            throw new IllegalArgumentException(e.getMessage() + " (in the cell " + coordinates + ")", e);
        }
    }

    /**
     * The meme-capture window in blocks ({@code --within}, default the horizon), checked when the study is
     * planned, before any path runs; other studies have no window.
     */
    static int withinWindow(final StudyConfig config, final int blocks) {
        final Double within = config.withinDays();
        if (within == null) {
            return blocks;
        }
        if (!config.study().equals(Studies.MEME_CAPTURE)) {
            throw new IllegalArgumentException("--within: only the meme-capture study has a capture window");
        }
        final long window = Math.round(within * BLOCKS_PER_DAY);
        if (window < 1 || window > blocks) {
            throw new IllegalArgumentException("--within: " + within + " days is not in (0, "
                    + blocks / (double) BLOCKS_PER_DAY + "] (the horizon)");
        }
        return (int) window;
    }

    /**
     * A fingerprint of every cell's starting pools (reserves, alpha out, moving prices): what a scenario file can
     * take from outside its own text (a {@code subnets: csv:} file), so that a resume or merge can tell that they
     * are those the study started with.
     */
    public String poolsFingerprint() {
        final java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (final java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        final java.nio.ByteBuffer bits = java.nio.ByteBuffer.allocate(Double.BYTES);
        for (final Cell cell : cells) {
            final Network network = cell.scenario().network();
            for (final double[] column : List.of(network.taoReserve(), network.alphaIn(), network.alphaOut(),
                    network.movingPrice())) {
                for (final double v : column) {
                    sha.update(bits.clear().putDouble(v).array());
                }
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest(), 0, 12);
    }

    /** Days in the horizon. */
    public double days() {
        return blocks / (double) BLOCKS_PER_DAY;
    }

    /** The index of the behaviour the target subnet comes from (no --subnet), or −1. */
    private static int targetSource(final StudyConfig config, final ScenarioFile base) {
        if (config.subnet() != null) {
            return -1;
        }
        final List<Behaviour> behaviours = base.behaviours();
        for (int k = 0; k < behaviours.size(); k++) {
            if (behaviours.get(k) instanceof MemeCohort) {
                return k;
            }
        }
        for (int k = 0; k < behaviours.size(); k++) {
            if (behaviours.get(k) instanceof PumpAndDump) {
                return k;
            }
        }
        return -1;
    }

    private static int target(final StudyConfig config, final ScenarioFile base) {
        if (config.subnet() != null) {
            if (config.subnet() < 0) {
                throw new IllegalArgumentException("--subnet: " + config.subnet() + " is not ≥ 0 (subnet slots count"
                        + " from 0)");
            }
            return config.subnet();
        }
        final int source = targetSource(config, base);
        if (source < 0) {
            return -1;
        }
        return base.behaviours().get(source) instanceof MemeCohort cohort ? cohort.subnet()
                : ((PumpAndDump) base.behaviours().get(source)).subnet();
    }

    /** The grid: the given sweeps, meme-capture's default capital grid, and several eras as a last dimension. */
    private static List<Sweep> sweeps(final StudyConfig config, final ScenarioFile base) {
        final List<Sweep> sweeps = new ArrayList<>(config.sweeps());
        final Set<String> keys = new LinkedHashSet<>();
        for (final Sweep s : sweeps) {
            if (!keys.add(s.key())) {
                throw new IllegalArgumentException("--sweep " + s.key() + ": given twice");
            }
            // the cells of a study share their paths, horizon, start and seed (the options set them for all)
            if (SHARED_KEYS.contains(s.key())) {
                throw new IllegalArgumentException("--sweep " + s.key() + ": every cell of a study shares its paths,"
                        + " horizon, start block and seed; set " + s.key() + " for all cells with "
                        + (s.key().equals("startBlock") ? "the scenario file" : "--" + s.key())
                        + ", or run one study per value");
            }
        }
        if (config.study().equals(Studies.MEME_CAPTURE) && keys.stream().noneMatch(k -> k.endsWith("capitalTao"))) {
            for (int k = 0; k < base.behaviours().size(); k++) {
                if (base.behaviours().get(k) instanceof MemeCohort cohort) {
                    final List<String> values = new ArrayList<>();
                    for (final double m : CAPITAL_MULTIPLES) {
                        values.add(Double.toString(m * cohort.capitalTao()));
                    }
                    sweeps.add(new Sweep("behaviours[" + k + "].capitalTao", values));
                    break;
                }
            }
        }
        // the eras compared: --era, or --sweep era, or (eras study) all of them
        final boolean eraSwept = keys.contains(Studies.ERA_KEY);
        if (eraSwept && !config.eras().isEmpty()) {
            throw new IllegalArgumentException("--era: given together with --sweep era; give one");
        }
        if (new LinkedHashSet<>(config.eras()).size() < config.eras().size()) {
            throw new IllegalArgumentException("--era: an era is given twice");
        }
        final List<Era> eras = config.study().equals(Studies.ERAS) && config.eras().isEmpty() && !eraSwept
                ? List.of(Era.values()) : config.eras();
        if (config.study().equals(Studies.ERAS)) {
            final List<String> compared = new ArrayList<>();
            eras.forEach(e -> compared.add(e.id()));
            sweeps.stream().filter(s -> s.key().equals(Studies.ERA_KEY)).forEach(s -> compared.addAll(s.values()));
            if (new LinkedHashSet<>(compared).size() < 2) {
                throw new IllegalArgumentException((eraSwept ? "--sweep era" : "--era")
                        + ": the eras study compares two or more eras, given only " + String.join(", ", compared)
                        + " (run or another study takes one)");
            }
        }
        if (eras.size() > 1) {
            final List<String> ids = new ArrayList<>();
            for (final Era e : eras) {
                ids.add(e.id());
            }
            sweeps.add(new Sweep(Studies.ERA_KEY, ids));
        }
        return sweeps;
    }

    private static int[] selected(final int target, final ScenarioFile base, final Scenario scenario) {
        final int slots = scenario.slots();
        final Set<Integer> chosen = new LinkedHashSet<>();
        if (target >= 0) {
            chosen.add(target);
        }
        if (scenario.yuma() != null) {
            for (final int y : scenario.yuma().subnets()) {
                if (chosen.size() < MAX_SELECTED) {
                    chosen.add(y);
                }
            }
        }
        for (final int w : base.watch()) {
            if (chosen.size() < MAX_SELECTED && w < slots) {
                chosen.add(w);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(0); // the deepest pool of a generated network
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] thresholds(final StudyConfig config, final int target, final Network network) {
        if (!config.thresholds().isEmpty()) {
            final double[] t = new double[config.thresholds().size()];
            for (int k = 0; k < t.length; k++) {
                final double x = config.thresholds().get(k);
                if (!(x > 0.0 && x <= 1.0)) {
                    throw new IllegalArgumentException("--thresholds: " + x + " is not in (0, 1] (a share, e.g. 0.05)");
                }
                if (k > 0 && x <= t[k - 1]) {
                    throw new IllegalArgumentException("--thresholds: " + x + " is not above " + t[k - 1]
                            + " (give them increasing)");
                }
                t[k] = x;
            }
            return t;
        }
        if (target < 0) {
            return new double[0];
        }
        if (target >= network.subnets()) {
            if (config.study().equals(Studies.MEME_CAPTURE)) {
                throw new IllegalArgumentException("--subnet: slot " + target + " holds no subnet at the start (the"
                        + " network's are 0–" + (network.subnets() - 1) + "; later slots fill with registrations), so"
                        + " the default thresholds, multiples of its starting price share, have no base; give"
                        + " --thresholds");
            }
            return new double[0];
        }
        // the target's share of Σ spot prices at the start: its emission share under the price rule
        double sum = 0.0;
        for (int i = 0; i < network.subnets(); i++) {
            sum += network.taoReserve()[i] / network.alphaIn()[i];
        }
        final double start = network.taoReserve()[target] / network.alphaIn()[target] / sum;
        final double[] t = new double[THRESHOLD_MULTIPLES.length];
        for (int k = 0; k < t.length; k++) {
            t[k] = Math.min(1.0, Double.parseDouble(String.format(Locale.ROOT, "%.3g",
                    start * THRESHOLD_MULTIPLES[k])));
        }
        return t;
    }
}
