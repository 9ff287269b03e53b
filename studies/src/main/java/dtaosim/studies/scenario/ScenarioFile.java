package dtaosim.studies.scenario;

import dtaosim.engine.market.Behaviour;
import dtaosim.engine.market.Intervention;
import dtaosim.engine.market.MemeCohort;
import dtaosim.engine.market.PumpAndDump;
import dtaosim.engine.market.RevenueBuybacks;
import dtaosim.engine.model.ChainConstants;
import dtaosim.engine.model.Checks;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.model.Switch;
import dtaosim.engine.run.EraChange;
import dtaosim.engine.run.Probe;
import dtaosim.engine.run.Scenario;
import dtaosim.engine.run.SubnetWatch;
import dtaosim.engine.yuma.YumaSetup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario file as read and checked field by field ({@link ScenarioParser}): plain values, no YAML types.
 * {@link #resolve} turns it, with command-line overrides, into the engine's {@link Scenario}, checking what
 * depends on more than one field; every error names the field path.
 *
 * @param description     one or more lines saying what the scenario is (may be empty)
 * @param eras            the era schedule, ordered by {@code fromBlock}; the first is in force at startBlock
 * @param parameters      parameter overrides of the era's defaults
 * @param switches        switch settings (each must belong to the era)
 * @param movingPriceRamp whether the moving-price EMA factor ramps, or null for the era's default
 * @param blocks          blocks simulated, or null to be given on the command line
 * @param paths           paths P, or null to be given on the command line
 * @param seed            seed of every random stream, or null to be given on the command line
 * @param startBlock      chain block of the first simulated block
 * @param subnets         the subnets at the first block
 * @param firstEmissionBlock FirstEmissionBlockNumber of each of those subnets, the origin of the EMA ramp's age
 *                        (mechanics §2a); empty: 0 for every subnet
 * @param rootStake       TAO staked on root
 * @param totalIssuance   TotalIssuance at the first block
 * @param behaviours      market behaviours, in the order they run each block
 * @param watch           subnet slots followed by a {@link SubnetWatch}
 * @param yuma            subnets running Yuma consensus and their neurons (section {@code yuma:}), or null
 */
public record ScenarioFile(String description, List<EraEntry> eras, Map<Parameter, Double> parameters,
                           Map<Switch, Boolean> switches, Boolean movingPriceRamp, Integer blocks, Long paths,
                           Long seed, long startBlock, SubnetSet subnets, List<Long> firstEmissionBlock,
                           double rootStake, double totalIssuance,
                           List<Behaviour> behaviours, List<Integer> watch, YumaSetup yuma) {
    /** Largest P: one run holds every path's outcomes in int-indexed arrays (Runner, PathOutcomes). */
    public static final long MAX_PATHS = Integer.MAX_VALUE;
    /** Largest horizon in blocks ({@link Scenario}'s bound). */
    public static final long MAX_BLOCKS = 100_000_000L;
    /** Largest start block ({@link Scenario}'s bound). */
    public static final long MAX_START_BLOCK = Long.MAX_VALUE / 4;

    /** Copies the collections. */
    public ScenarioFile {
        eras = List.copyOf(eras);
        parameters = Collections.unmodifiableMap(parameters.isEmpty() ? new EnumMap<>(Parameter.class)
                : new EnumMap<>(parameters));
        switches = Collections.unmodifiableMap(switches.isEmpty() ? new EnumMap<>(Switch.class)
                : new EnumMap<>(switches));
        firstEmissionBlock = List.copyOf(firstEmissionBlock);
        behaviours = List.copyOf(behaviours);
        watch = List.copyOf(watch);
    }

    /** The era in force at the first block. */
    public Era era() {
        return eras.get(0).era();
    }

    /** Longest summary line, in characters, before it is cut with an ellipsis. */
    static final int SUMMARY_WIDTH = 120;

    /**
     * The description's first sentence on one line (its lines joined), or empty; one longer than
     * {@link #SUMMARY_WIDTH} is cut at its last clause ("; ") or word that fits, marked with " …". A description's
     * lines are wrapped text, so its first line alone may stop mid-sentence.
     */
    public String summaryLine() {
        final String text = description.strip().replaceAll("\\s+", " ");
        final Matcher end = SENTENCE_END.matcher(text);
        final String sentence = end.find() ? text.substring(0, end.start() + 1) : text;
        if (sentence.length() <= SUMMARY_WIDTH) {
            return sentence;
        }
        // cut at the last clause, else word, that keeps at least half the width; else anywhere
        final String room = sentence.substring(0, SUMMARY_WIDTH - 2);
        final int clause = room.lastIndexOf("; ");
        final int word = room.lastIndexOf(' ');
        final int cut = clause >= SUMMARY_WIDTH / 2 ? clause : word >= SUMMARY_WIDTH / 2 ? word : room.length();
        return room.substring(0, cut) + " …";
    }

    /**
     * A full stop, question or exclamation mark, a space and a capital letter end a sentence; "0.015", "e.g. a"
     * and "version 2. 5 pools" do not.
     */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?= \\p{Lu})");

    /** The engine scenario of this file, the overrides applied; errors name the field (or option). */
    public Scenario resolve(final Overrides overrides) {
        try {
            return build(overrides);
        } catch (IllegalArgumentException e) {
            throw Fields.tidy(e);
        }
    }

    private Scenario build(final Overrides overrides) {
        // the era in force at startBlock is the last entry that started by then; later entries are upgrades
        List<EraEntry> schedule = overrides.era() != null ? List.of(new EraEntry(overrides.era(), 0L)) : eras;
        int first = 0;
        while (first + 1 < schedule.size() && schedule.get(first + 1).fromBlock() <= startBlock) {
            first++;
        }
        schedule = schedule.subList(first, schedule.size());
        // under an --era override (run --era, the eras study) the file's switches of other eras do not apply:
        // each run takes the override era's defaults for its own switches
        for (final Map.Entry<Switch, Boolean> e : overrides.era() != null ? Map.<Switch, Boolean>of().entrySet()
                : switches.entrySet()) {
            final Switch s = e.getKey();
            if (schedule.stream().noneMatch(entry -> entry.era() == s.era())) {
                final List<String> scheduled = new ArrayList<>();
                for (final EraEntry entry : schedule) {
                    scheduled.add(entry.era().id());
                }
                throw Fields.error("switches." + s.id(), "belongs to era " + s.era().id() + ", not "
                        + String.join(" or ", scheduled) + "; " + switchesOf(schedule));
            }
        }
        final ProtocolParams protocol = protocolFor(schedule.get(0).era());
        final long runPaths = overrides.paths() != null
                ? Checks.inRange("--paths", overrides.paths(), 1L, MAX_PATHS)
                : required("paths", paths, "give paths: P, or --paths");
        final int runBlocks = overrides.blocks() != null
                ? (int) Checks.inRange("--blocks", overrides.blocks(), 1L, MAX_BLOCKS)
                : required("blocks", blocks, "give blocks: N, or days: D at " + ChainConstants.BLOCKS_PER_DAY
                        + " blocks a day, or --blocks / --days");
        final long runSeed = overrides.seed() != null ? overrides.seed()
                : required("seed", seed, "give seed: a whole number fixing every draw, or --seed");

        Network network = subnets.network(rootStake, totalIssuance);
        if (!firstEmissionBlock.isEmpty()) {
            final long[] blocks = new long[firstEmissionBlock.size()];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = firstEmissionBlock.get(i);
            }
            network = network.withFirstEmissionBlock(blocks);
        }
        int slots = network.subnets();
        for (final Behaviour b : behaviours) {
            slots += b.extraSlots();
        }
        for (int k = 0; k < behaviours.size(); k++) {
            final int target = behaviours.get(k) instanceof PumpAndDump pump ? pump.subnet()
                    : behaviours.get(k) instanceof MemeCohort cohort ? cohort.subnet()
                    : behaviours.get(k) instanceof Intervention intervention ? intervention.subnet()
                    : behaviours.get(k) instanceof RevenueBuybacks buybacks ? buybacks.subnet() : -1;
            if (target >= slots) {
                throw Fields.error("behaviours[" + k + "].subnet", target + slotRange(slots));
            }
        }
        final List<Probe> probes = new ArrayList<>(watch.size());
        for (int k = 0; k < watch.size(); k++) {
            if (watch.get(k) >= slots) {
                throw Fields.error("watch[" + k + "]", watch.get(k) + slotRange(slots));
            }
            probes.add(new SubnetWatch(watch.get(k)));
        }
        // runtime upgrades within the horizon; the file's parameters apply to every era, its switches to theirs
        final List<EraChange> changes = new ArrayList<>();
        for (int k = 1; k < schedule.size(); k++) {
            final EraEntry entry = schedule.get(k);
            if (entry.fromBlock() < startBlock + runBlocks) {
                changes.add(new EraChange(entry.fromBlock(), protocolFor(entry.era())));
            }
        }
        return new Scenario(protocol, network, startBlock, runBlocks, runPaths, runSeed, behaviours, probes,
                changes, yuma);
    }

    /** An era's defaults with the file's switches of that era, its parameters and its ramp setting. */
    private ProtocolParams protocolFor(final Era era) {
        ProtocolParams protocol = era.defaults();
        for (final Map.Entry<Switch, Boolean> e : switches.entrySet()) {
            if (e.getKey().era() == era) {
                protocol = protocol.with(e.getKey(), e.getValue());
            }
        }
        for (final Map.Entry<Parameter, Double> e : parameters.entrySet()) {
            protocol = ScenarioParser.withParameter(protocol, e.getKey(), e.getValue());
        }
        if (movingPriceRamp != null) {
            protocol = protocol.withMovingPriceRamp(movingPriceRamp);
        }
        return protocol;
    }

    private static String slotRange(final int slots) {
        return " is not in [0, " + (slots - 1) + "] (the network's subnets, then one slot per registration)";
    }

    /** A value the file may leave to the command line, when neither gives it. */
    private static <T> T required(final String field, final T value, final String how) {
        if (value == null) {
            throw Fields.error(field, "missing (" + how + ")");
        }
        return value;
    }

    /** "switches of A: a1, a2; of B: none": what a file scheduling these eras can set. */
    static String switchesOf(final List<EraEntry> schedule) {
        final List<String> allowed = new ArrayList<>();
        for (final EraEntry entry : schedule) {
            allowed.add(entry.era().id() + ": " + switchNames(entry.era()));
        }
        return "switches of " + String.join("; of ", allowed);
    }

    private static String switchNames(final Era era) {
        final List<String> names = new ArrayList<>();
        for (final Switch s : Switch.of(era)) {
            names.add(s.id());
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
