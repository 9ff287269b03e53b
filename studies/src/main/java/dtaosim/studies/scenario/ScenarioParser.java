package dtaosim.studies.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dtaosim.engine.market.Behaviour;
import dtaosim.engine.market.EmissionSellers;
import dtaosim.engine.market.NeuronRegistrations;
import dtaosim.engine.market.PoissonRegistrations;
import dtaosim.engine.market.RoleEmissionSellers;
import dtaosim.engine.market.RevenueBuybacks;
import dtaosim.engine.market.MomentumSpeculators;
import dtaosim.engine.market.CapitalInflow;
import dtaosim.engine.market.GhostTown;
import dtaosim.engine.market.PoissonNoiseTraders;
import dtaosim.engine.market.MemeCohort;
import dtaosim.engine.market.Intervention;
import dtaosim.engine.market.PumpAndDump;
import dtaosim.engine.market.SubnetRegistrations;
import dtaosim.engine.market.UniformNoiseTraders;
import dtaosim.engine.model.ChainConstants;
import dtaosim.engine.model.Checks;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.model.Switch;
import dtaosim.engine.yuma.YumaSetup;
import dtaosim.studies.report.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads scenario files (YAML) into {@link ScenarioFile}s, checking every field before anything runs: unknown
 * keys, wrong types, values out of range and missing fields are {@link IllegalArgumentException}s whose message
 * names the field path, the value as written and what is allowed, e.g.
 * {@code behaviours[2].sigma: -5.0 is not in [0.0, 0.5]}. The schema is in the README's "Scenario files".
 * Jackson's types stay in this package.
 */
public final class ScenarioParser {
    /** The top-level keys of a scenario file. */
    static final List<String> TOP_LEVEL = List.of("description", "era", "eras", "startBlock", "blocks", "days",
            "paths", "seed", "parameters", "switches", "movingPriceRamp", "subnets", "firstEmissionBlock", "rootStake",
            "totalIssuance", "behaviours", "watch", "yuma");
    /** Columns of a subnet CSV file and keys of the subnet lists. */
    static final List<String> POOL_COLUMNS = List.of("taoReserve", "alphaIn", "alphaOut", "movingPrice");

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final String SUBNETS_HINT = "give profile: log-spaced with count, maxTao, minTao and priceSum;"
            + " or csv: FILE; or the lists taoReserve and alphaIn (alphaOut and movingPrice optional)";

    private ScenarioParser() {
    }

    /**
     * A scenario by file path or, when no such file exists, by built-in name ({@link BuiltInScenarios}).
     *
     * @param fileOrName a YAML file, or the name of a built-in scenario
     */
    public static LoadedScenario load(final String fileOrName) {
        if (fileOrName.isBlank()) {
            throw new IllegalArgumentException("SCENARIO: an empty name is neither a file nor a built-in scenario"
                    + " (dtaosim scenarios lists them)");
        }
        Path path = null;
        try {
            path = Path.of(fileOrName);
        } catch (InvalidPathException e) {
            // not a file name on this system; may still be a built-in's name
        }
        if (path != null && Files.isDirectory(path)) {
            throw new IllegalArgumentException("SCENARIO: " + fileOrName + " is a directory, not a scenario file");
        }
        if (path != null && Files.exists(path)) {
            final String file = path.getFileName().toString();
            final String name = file.endsWith(".yaml") || file.endsWith(".yml")
                    ? file.substring(0, file.lastIndexOf('.')) : file;
            return new LoadedScenario(name, false, read(path));
        }
        if (BuiltInScenarios.NAMES.contains(fileOrName)) {
            return new LoadedScenario(fileOrName, true, BuiltInScenarios.load(fileOrName));
        }
        throw new IllegalArgumentException("SCENARIO: '" + fileOrName + "' is neither a file nor a built-in scenario ("
                + String.join(", ", BuiltInScenarios.NAMES) + "; see dtaosim scenarios)");
    }

    /** Reads one scenario file; a CSV file it names is looked for next to it. */
    public static ScenarioFile read(final Path file) {
        final String text;
        try {
            text = Files.readString(file);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(file + ": not a UTF-8 text file, so not a YAML scenario", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + AtomicFiles.describe(e) + ")", e);
        }
        final Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir);
    }

    /**
     * Parses scenario text.
     *
     * @param text    the YAML text
     * @param origin  what to call the text in errors about it as a whole, e.g. its file name
     * @param baseDir directory a relative {@code subnets.csv} path is resolved against
     */
    public static ScenarioFile parse(final String text, final String origin, final Path baseDir) {
        return parse(text, origin, baseDir, List.of());
    }

    /**
     * Parses scenario text with {@code edits} applied to it first (a study's sweep), so an edited value is
     * checked and reported like one written in the file.
     */
    public static ScenarioFile parse(final String text, final String origin, final Path baseDir,
                                     final List<ScenarioEdit> edits) {
        try {
            JsonNode root = tree(text, origin);
            for (final ScenarioEdit edit : edits) {
                root = edit.apply(root);
            }
            return parseTree(root, origin, baseDir);
        } catch (IllegalArgumentException e) {
            throw Fields.tidy(e);
        }
    }

    private static ScenarioFile parseTree(final JsonNode root, final String origin, final Path baseDir) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException(origin + ": empty scenario file; give at least era and subnets, and"
                    + " blocks or days, paths and seed unless the command line gives them (see dtaosim scenarios"
                    + " reference)");
        }
        final Fields top = Fields.of("", root, TOP_LEVEL);
        final String description = top.has("description") ? Fields.text("description", top.get("description"))
                : "";
        final long startBlock = top.has("startBlock")
                ? Fields.whole("startBlock", top.get("startBlock"), 0L, ScenarioFile.MAX_START_BLOCK) : 0L;
        final List<EraEntry> eras = eras(top, startBlock);
        // the horizon, paths and seed may instead come from the command line (ScenarioFile.resolve)
        final Integer blocks = horizon(top);
        final Long paths = top.has("paths")
                ? Fields.whole("paths", top.get("paths"), 1L, ScenarioFile.MAX_PATHS) : null;
        final Long seed = top.has("seed")
                ? Fields.whole("seed", top.get("seed"), Long.MIN_VALUE, Long.MAX_VALUE) : null;
        final Map<Parameter, Double> parameters = parameters(top.get("parameters"));
        final Map<Switch, Boolean> switches = switches(top.get("switches"), eras);
        final Boolean ramp = top.has("movingPriceRamp")
                ? Fields.bool("movingPriceRamp", top.get("movingPriceRamp")) : null;
        final SubnetSet subnets = subnets(top.require("subnets", SUBNETS_HINT), baseDir);
        final List<Long> firstEmissionBlock = top.has("firstEmissionBlock")
                ? firstEmissionBlock(top.get("firstEmissionBlock"), subnets.count()) : List.of();
        final double rootStake = Checks.amount("rootStake", top.number("rootStake", 0.0));
        final double totalIssuance = Checks.inRange("totalIssuance", top.number("totalIssuance", 0.0), 0.0,
                ChainConstants.TOTAL_SUPPLY_TAO);
        final List<Behaviour> behaviours = behaviours(top.get("behaviours"));
        final List<Integer> watch = watch(top.get("watch"));
        final YumaSetup yuma = YumaSection.parse(top.get("yuma"));
        return new ScenarioFile(description, eras, parameters, switches, ramp, blocks, paths, seed, startBlock,
                subnets, firstEmissionBlock, rootStake, totalIssuance, behaviours, watch, yuma);
    }

    /**
     * FirstEmissionBlockNumber (start_call + 1) of the network's subnets: one block for all, or a list with one
     * per subnet. The network's subnets emit from the first block whatever it is; one after startBlock is the
     * 2025-03 migration's, which set it on subnets already emitting.
     */
    private static List<Long> firstEmissionBlock(final JsonNode value, final int subnets) {
        final String why = " (FirstEmissionBlockNumber, start_call + 1, from which the EMA ramp counts)";
        if (!value.isArray()) {
            final long block = wholeBlock("firstEmissionBlock", value, why);
            return Collections.nCopies(subnets, block);
        }
        final List<JsonNode> items = Fields.list("firstEmissionBlock", value);
        if (items.size() != subnets) {
            throw Fields.error("firstEmissionBlock", items.size() + " entries, expected one block for every subnet"
                    + " or one per subnet (" + subnets + ")");
        }
        final List<Long> out = new ArrayList<>(subnets);
        for (int k = 0; k < subnets; k++) {
            out.add(wholeBlock("firstEmissionBlock[" + k + "]", items.get(k), why));
        }
        return out;
    }

    private static long wholeBlock(final String path, final JsonNode value, final String why) {
        try {
            return Fields.whole(path, value, 0L, ScenarioFile.MAX_START_BLOCK);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + why, e);
        }
    }

    /** {@code protocol} with one parameter set; errors are named {@code parameters.<id>}. */
    static ProtocolParams withParameter(final ProtocolParams protocol, final Parameter p, final double value) {
        return prefixed("parameters", List.of(p.id()), () -> protocol.with(p, value));
    }

    // ---- the YAML text ----

    private static JsonNode tree(final String text, final String origin) {
        try (JsonParser parser = YAML.createParser(text)) {
            final JsonNode root = anchorsResolved((YAMLParser) parser, text, origin);
            if (root != null && parser.nextToken() != null) {
                final JsonLocation at = parser.currentLocation();
                throw new IllegalArgumentException(origin + ": not valid YAML, line " + at.getLineNr()
                        + ": a second document (after ---); a scenario file holds one");
            }
            return root;
        } catch (JsonProcessingException e) {
            final String problem = yamlProblem(e);
            // a list or mapping as a key has no field of its own; the last one read is another's
            final String field = problem.endsWith(KEY_NOT_SINGLE) ? "" : fieldOf(e);
            throw new IllegalArgumentException((field.isEmpty() ? "" : field + ": ") + origin + ": not valid YAML, "
                    + problem, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String
        }
    }

    /** The document's tree with its aliases and merge keys resolved ({@link YamlTree}). */
    private static JsonNode anchorsResolved(final YAMLParser parser, final String text, final String origin)
            throws IOException {
        try {
            return YamlTree.read(parser, text);
        } catch (YamlTree.Problem e) {
            throw new IllegalArgumentException((e.field().isEmpty() ? "" : e.field() + ": ") + origin
                    + ": not valid YAML, " + e.getMessage(), e);
        }
    }

    /**
     * The field whose value the parser could not read (e.g. {@code subnets.maxTao} for {@code .nan}, or
     * {@code behaviours[1].sigma}), or "" for an error in the YAML's structure.
     */
    private static String fieldOf(final JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException) {
                return ""; // the YAML scanner's: the parser's field may lag behind the mark
            }
        }
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return "";
        }
        return fieldPath(parser);
    }

    /** The path of the field {@code parser} is reading, e.g. {@code behaviours[1].sigma}, or "" at the top. */
    static String fieldPath(final JsonParser parser) {
        String path = "";
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path = "[" + Math.max(c.getCurrentIndex(), 0) + "]" + path;
            } else if (c.getCurrentName() != null) {
                path = (c.getParent() != null && !c.getParent().inRoot() ? "." : "") + c.getCurrentName() + path;
            }
        }
        return path;
    }

    /** What a list or mapping as a key (YAML's {@code ? [a, b]}) is told. */
    private static final String KEY_NOT_SINGLE = "a key must be a single value, not a list or mapping";

    /** The parser's complaint with its line and column (1-based), without the echo of the source. */
    private static String yamlProblem(final JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                final Mark mark = marked.getProblemMark();
                final String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
                return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": " + context
                        + marked.getProblem();
            }
        }
        final JsonLocation at = e.getLocation();
        final String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        // YAML's .nan and .inf: every number of a scenario is finite (README lists each field's range)
        final String finite = e.getOriginalMessage().startsWith("Malformed numeric value")
                ? "; every number in a scenario is finite" : "";
        // a key that is a list or mapping (? [a, b]): Jackson names the parser's event class
        final String message = e.getOriginalMessage().startsWith("Expected a field name")
                ? KEY_NOT_SINGLE : e.getOriginalMessage();
        return where + message + finite;
    }

    // ---- fields ----

    private static List<EraEntry> eras(final Fields top, final long startBlock) {
        if (top.has("era") && top.has("eras")) {
            throw Fields.error("eras", "given together with era; give either era: NAME or an eras schedule");
        }
        if (top.has("era")) {
            return List.of(new EraEntry(era("era", top.get("era")), startBlock));
        }
        if (!top.has("eras")) {
            throw Fields.error("era", "missing (give era: NAME, or eras: [{era: NAME, fromBlock: BLOCK}];"
                    + " names: " + eraNames() + ")");
        }
        final List<JsonNode> items = Fields.list("eras", top.get("eras"));
        if (items.isEmpty()) {
            throw Fields.error("eras", "an empty list; give at least one {era: NAME, fromBlock: BLOCK}");
        }
        final List<EraEntry> eras = new ArrayList<>(items.size());
        for (int k = 0; k < items.size(); k++) {
            final Fields entry = Fields.of("eras[" + k + "]", items.get(k), List.of("era", "fromBlock"));
            final Era era = era(entry.path("era"), entry.require("era", "an era name: " + eraNames()));
            final long from = entry.whole("fromBlock", 0L, ScenarioFile.MAX_START_BLOCK,
                    "the chain block the era starts at");
            if (k == 0 && from > startBlock) {
                throw Fields.error(entry.path("fromBlock"), from + " is after startBlock (" + startBlock
                        + "); the first era must be in force at the first block");
            }
            if (k > 0 && from <= eras.get(k - 1).fromBlock()) {
                throw Fields.error(entry.path("fromBlock"), from + " is not after eras[" + (k - 1) + "].fromBlock ("
                        + eras.get(k - 1).fromBlock() + ")");
            }
            eras.add(new EraEntry(era, from));
        }
        return eras;
    }

    private static Era era(final String path, final JsonNode value) {
        final String name = Fields.text(path, value);
        for (final Era era : Era.values()) {
            if (era.id().equals(name)) {
                return era;
            }
        }
        throw Fields.error(path, Fields.shown(value) + " is not one of " + eraNames());
    }

    /** blocks, or days at 7,200 blocks each, or null when the file gives neither. */
    private static Integer horizon(final Fields top) {
        if (top.has("blocks") && top.has("days")) {
            throw Fields.error("days", "given together with blocks; give one horizon");
        }
        if (top.has("blocks")) {
            return (int) Fields.whole("blocks", top.get("blocks"), 1L, ScenarioFile.MAX_BLOCKS);
        }
        if (!top.has("days")) {
            return null;
        }
        final JsonNode value = top.get("days");
        final double days = Fields.number("days", value);
        final double maxDays = (double) ScenarioFile.MAX_BLOCKS / ChainConstants.BLOCKS_PER_DAY;
        if (!(days > 0.0 && days <= maxDays)) {
            throw Fields.error("days", Fields.shown(value) + " is not in (0, " + maxDays + "]");
        }
        final long blocks = ChainConstants.wholeBlocks(days);
        if (blocks < 0) {
            throw Fields.error("days", Fields.shown(value) + " is not a whole number of blocks ("
                    + ChainConstants.BLOCKS_PER_DAY + " blocks a day)");
        }
        return Math.toIntExact(blocks);
    }

    /** A section left out, or given as a key with nothing under it (which the YAML reader gives as ""). */
    private static boolean absent(final JsonNode value) {
        return value == null || value.isNull() || value.isTextual() && value.asText().isEmpty();
    }

    private static Map<Parameter, Double> parameters(final JsonNode value) {
        final Map<Parameter, Double> out = new EnumMap<>(Parameter.class);
        if (absent(value)) {
            return out;
        }
        final List<String> ids = new ArrayList<>();
        for (final Parameter p : Parameter.values()) {
            ids.add(p.id());
        }
        final Fields fields = Fields.of("parameters", value, ids);
        for (final Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            final String id = it.next();
            final Parameter p = Parameter.values()[ids.indexOf(id)];
            final JsonNode given = value.get(id);
            // a flag (NetTaoFlowEnabled) reads true/false as the chain's bool, or 1/0
            final double v = p.flag() && given.isBoolean() ? (given.booleanValue() ? 1.0 : 0.0)
                    : Fields.number(fields.path(id), given);
            prefixed("parameters", ids, () -> p.check(v));
            out.put(p, v);
        }
        return out;
    }

    /**
     * The {@code switches} mapping. A misspelt name is answered with the switches of the file's eras, the ones it
     * can set (another era's switch is known, and refused later naming its era).
     */
    private static Map<Switch, Boolean> switches(final JsonNode value, final List<EraEntry> eras) {
        final Map<Switch, Boolean> out = new EnumMap<>(Switch.class);
        if (absent(value)) {
            return out;
        }
        for (final Iterator<String> it = value.isObject() ? value.fieldNames() : List.<String>of().iterator();
                it.hasNext(); ) {
            final String id = it.next();
            if (Arrays.stream(Switch.values()).noneMatch(s -> s.id().equals(id))) {
                throw Fields.error("switches." + id, "unknown switch; " + ScenarioFile.switchesOf(eras));
            }
        }
        final List<String> ids = new ArrayList<>();
        for (final Switch s : Switch.values()) {
            ids.add(s.id());
        }
        final Fields fields = Fields.of("switches", value, ids);
        for (final Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            final String id = it.next();
            out.put(Switch.byId(id), Fields.bool(fields.path(id), value.get(id)));
        }
        return out;
    }

    private static SubnetSet subnets(final JsonNode value, final Path baseDir) {
        if (!value.isObject()) {
            throw Fields.error("subnets", Fields.shown(value) + " is not a mapping (" + SUBNETS_HINT + ")");
        }
        if (value.has("profile")) {
            final Fields f = Fields.of("subnets", value, List.of("profile", "count", "maxTao", "minTao", "priceSum"));
            final JsonNode profile = value.get("profile");
            if (!LogSpacedPools.PROFILE.equals(Fields.text(f.path("profile"), profile))) {
                throw Fields.error(f.path("profile"), Fields.shown(profile) + " is not one of "
                        + LogSpacedPools.PROFILE);
            }
            final int count = (int) f.whole("count", 1L, 4096L, "the number of subnets N");
            final double maxTao = f.number("maxTao", "TAO in the deepest pool, subnet 0");
            final double minTao = f.number("minTao", "TAO in the shallowest pool, subnet N-1");
            final double priceSum = f.number("priceSum", "the sum of the spot prices");
            return prefixed("subnets", List.of("count", "maxTao", "minTao", "priceSum"),
                    () -> new LogSpacedPools(count, maxTao, minTao, priceSum));
        }
        if (value.has("csv")) {
            final Fields f = Fields.of("subnets", value, List.of("csv"));
            final String name = Fields.text(f.path("csv"), value.get("csv"));
            return PoolsCsv.read(name, baseDir);
        }
        final Fields f = Fields.of("subnets", value, POOL_COLUMNS);
        final double[] tao = Fields.numbers(f.path("taoReserve"), f.require("taoReserve", SUBNETS_HINT));
        final double[] alphaIn = Fields.numbers(f.path("alphaIn"), f.require("alphaIn", SUBNETS_HINT));
        final double[] alphaOut = f.has("alphaOut") ? Fields.numbers(f.path("alphaOut"), f.get("alphaOut")) : null;
        final double[] movingPrice = f.has("movingPrice")
                ? Fields.numbers(f.path("movingPrice"), f.get("movingPrice")) : null;
        for (final String column : POOL_COLUMNS) {
            final JsonNode list = f.get(column);
            if (list != null && list.size() != tao.length) {
                throw Fields.error(f.path(column), list.size() + " entries, expected one per taoReserve entry ("
                        + tao.length + ")");
            }
        }
        return listed("lists", "subnets.taoReserve", tao, alphaIn, alphaOut, movingPrice,
                (column, k) -> "subnets." + column + "[" + k + "]");
    }

    /**
     * Checks listed reserves and prices and fills the optional columns: alphaOut defaults to alphaIn and the
     * moving price to the spot price taoReserve / alphaIn.
     *
     * @param origin    where the values come from, for summaries
     * @param countPath the field path to name when there are no subnets or too many
     * @param path      the field path of (column, subnet index)
     */
    static ListedPools listed(final String origin, final String countPath, final double[] tao,
                              final double[] alphaIn, final double[] alphaOut, final double[] movingPrice,
                              final BiFunction<String, Integer, String> path) {
        final int n = tao.length;
        if (n < 1 || n > 4096) {
            throw Fields.error(countPath, n + " subnets is not in [1, 4096]");
        }
        final double[] out = alphaOut != null ? alphaOut : alphaIn.clone();
        final double[] ema = movingPrice != null ? movingPrice : new double[n];
        for (int k = 0; k < n; k++) {
            Checks.amount(path.apply("taoReserve", k), Checks.poolReserve(path.apply("taoReserve", k), tao[k]));
            Checks.amount(path.apply("alphaIn", k), Checks.poolReserve(path.apply("alphaIn", k), alphaIn[k]));
            Checks.amount(path.apply("alphaOut", k), out[k]);
            if (movingPrice == null) {
                ema[k] = tao[k] / alphaIn[k];
            }
            Checks.nonNegative(path.apply("movingPrice", k), ema[k]);
        }
        return new ListedPools(origin, tao, alphaIn, out, ema);
    }

    private static List<Behaviour> behaviours(final JsonNode value) {
        if (absent(value)) {
            return List.of();
        }
        final List<JsonNode> items = Fields.list("behaviours", value);
        final List<Behaviour> out = new ArrayList<>(items.size());
        for (int k = 0; k < items.size(); k++) {
            out.add(behaviour("behaviours[" + k + "]", items.get(k)));
        }
        return out;
    }

    private static Behaviour behaviour(final String path, final JsonNode value) {
        if (!value.isObject()) {
            throw Fields.error(path, Fields.shown(value) + " is not a mapping with a type (one of "
                    + BehaviourType.names() + ") and its parameters");
        }
        final JsonNode typeNode = value.get("type");
        if (typeNode == null) {
            throw Fields.error(path + ".type", "missing (one of " + BehaviourType.names() + ")");
        }
        final BehaviourType type = BehaviourType.byId(Fields.text(path + ".type", typeNode));
        if (type == null) {
            throw Fields.error(path + ".type", Fields.shown(typeNode) + " is not one of " + BehaviourType.names());
        }
        final List<String> keys = new ArrayList<>();
        keys.add("type");
        keys.addAll(type.keys());
        final Fields f = Fields.of(path, value, keys);
        final String what = type.id() + " takes " + String.join(", ", type.keys());
        final long maxBlock = ScenarioFile.MAX_START_BLOCK;
        return switch (type) {
            case UNIFORM_NOISE_TRADERS -> {
                final double sigma = f.number("sigma", what);
                final boolean heldOnly = heldAlphaOnly(f);
                yield prefixed(path, type.keys(), () -> new UniformNoiseTraders(sigma, heldOnly));
            }
            case EMISSION_SELLERS -> {
                final double fraction = f.number("sellFraction", what);
                final boolean heldOnly = heldAlphaOnly(f);
                yield prefixed(path, type.keys(), () -> new EmissionSellers(fraction, heldOnly));
            }
            case PUMP_AND_DUMP -> {
                final int subnet = (int) f.whole("subnet", Integer.MIN_VALUE, Integer.MAX_VALUE, what);
                final double rate = f.number("rateTao", what);
                final long buyFrom = f.whole("buyFrom", 0L, maxBlock, what);
                final long buyUntil = f.whole("buyUntil", 0L, maxBlock, what);
                final long dumpAt = f.whole("dumpAt", 0L, maxBlock, what);
                yield prefixed(path, type.keys(), () -> new PumpAndDump(subnet, rate, buyFrom, buyUntil, dumpAt));
            }
            case SUBNET_REGISTRATIONS -> {
                final long first = f.whole("firstBlock", Long.MIN_VALUE, Long.MAX_VALUE, what);
                final long every = f.whole("everyBlocks", Long.MIN_VALUE, Long.MAX_VALUE, what);
                final int count = (int) f.whole("count", Integer.MIN_VALUE, Integer.MAX_VALUE, what);
                yield prefixed(path, type.keys(), () -> new SubnetRegistrations(first, every, count));
            }
            case NEURON_REGISTRATIONS -> {
                final double burn = f.number("burnTao", what);
                final long every = f.whole("everyBlocks", Long.MIN_VALUE, Long.MAX_VALUE, what);
                yield prefixed(path, type.keys(), () -> new NeuronRegistrations(burn, every));
            }
            case POISSON_NOISE_TRADERS -> {
                final double rate = f.number("tradesPerBlock", what);
                final double mean = f.number("logSizeMean", what);
                final double sigma = f.number("logSizeSigma", what);
                final double buy = f.number("buyProbability", what);
                yield prefixed(path, type.keys(), () -> new PoissonNoiseTraders(rate, mean, sigma, buy));
            }
            case MEME_COHORT -> {
                final int subnet = (int) f.whole("subnet", Integer.MIN_VALUE, Integer.MAX_VALUE, what);
                final double arrivals = f.number("arrivalsPerBlock", what);
                final double buy = f.number("buyTao", what);
                final double capital = f.number("capitalTao", what);
                final double window = f.number("momentumBlocks", what);
                final double momentumGain = f.number("momentumGain", what);
                final double shareGain = f.number("shareGain", what);
                final double yieldGain = f.number("yieldGain", what);
                final boolean rewards = f.bool("holderRewards", what);
                final boolean shareFeedback = f.bool("shareFeedback", what);
                final double panic = f.number("panicDrawdown", what);
                final double exit = f.number("exitFraction", what);
                yield prefixed(path, type.keys(), () -> new MemeCohort(subnet, arrivals, buy, capital, window,
                        momentumGain, shareGain, yieldGain, rewards, shareFeedback, panic, exit));
            }
            case INTERVENTION -> {
                final int subnet = (int) f.whole("subnet", Integer.MIN_VALUE, Integer.MAX_VALUE, what);
                final double multiple = f.number("triggerPriceMultiple", what);
                final long block = f.whole("triggerBlock", -1L, maxBlock, what);
                final double sell = f.number("sellAlpha", what);
                final boolean withdraw = f.bool("withdrawSupport", what);
                yield prefixed(path, type.keys(), () -> new Intervention(subnet, multiple, block, sell, withdraw));
            }
            case ROLE_EMISSION_SELLERS -> {
                final double owner = f.number("ownerFraction", what);
                final double miner = f.number("minerFraction", what);
                final double validator = f.number("validatorFraction", what);
                yield prefixed(path, type.keys(), () -> new RoleEmissionSellers(owner, miner, validator));
            }
            case REVENUE_BUYBACKS -> {
                final int subnet = (int) f.whole("subnet", Integer.MIN_VALUE, Integer.MAX_VALUE, what);
                final double revenue = f.number("revenueTaoPerDay", what);
                final double sigma = f.number("revenueSigma", what);
                final double fraction = f.number("buybackFraction", what);
                final long every = f.whole("everyBlocks", Long.MIN_VALUE, Long.MAX_VALUE, what);
                final boolean burn = f.bool("burnBought", what);
                yield prefixed(path, type.keys(), () -> new RevenueBuybacks(subnet, revenue, sigma, fraction, every,
                        burn));
            }
            case MOMENTUM_SPECULATORS -> {
                final double lookback = f.number("lookbackBlocks", what);
                final double entry = f.number("entryReturn", what);
                final double exit = f.number("exitReturn", what);
                final double position = f.number("positionTao", what);
                final double capital = f.number("capitalTao", what);
                final long every = f.whole("everyBlocks", Long.MIN_VALUE, Long.MAX_VALUE, what);
                yield prefixed(path, type.keys(), () -> new MomentumSpeculators(lookback, entry, exit, position,
                        capital, every));
            }
            case GHOST_TOWN -> {
                final double threshold = f.number("shareThreshold", what);
                final double grace = f.number("graceDays", what);
                final double fraction = f.number("unstakeFractionPerDay", what);
                final long every = f.whole("everyBlocks", Long.MIN_VALUE, Long.MAX_VALUE, what);
                yield prefixed(path, type.keys(), () -> new GhostTown(threshold, grace, fraction, every));
            }
            case CAPITAL_INFLOW -> {
                final double rate = f.number("buyRatePerBlock", what);
                final long buyFrom = f.whole("buyFrom", Long.MIN_VALUE, Long.MAX_VALUE, what);
                final long buyUntil = f.whole("buyUntil", Long.MIN_VALUE, Long.MAX_VALUE, what);
                final long sellFrom = f.whole("sellFrom", Long.MIN_VALUE, Long.MAX_VALUE, what);
                final long sellUntil = f.whole("sellUntil", Long.MIN_VALUE, Long.MAX_VALUE, what);
                final long every = f.whole("everyBlocks", Long.MIN_VALUE, Long.MAX_VALUE, what);
                yield prefixed(path, type.keys(), () -> new CapitalInflow(rate, buyFrom, buyUntil, sellFrom,
                        sellUntil, every));
            }
            case POISSON_REGISTRATIONS -> {
                final double rate = f.number("ratePerDay", what);
                final long first = f.whole("firstBlock", 0L, maxBlock, what);
                final int count = (int) f.whole("maxCount", Integer.MIN_VALUE, Integer.MAX_VALUE, what);
                yield prefixed(path, type.keys(), () -> new PoissonRegistrations(rate, first, count));
            }
        };
    }

    private static List<Integer> watch(final JsonNode value) {
        if (absent(value)) {
            return List.of();
        }
        final List<JsonNode> items = Fields.list("watch", value);
        final List<Integer> out = new ArrayList<>(items.size());
        for (int k = 0; k < items.size(); k++) {
            final int subnet = (int) Fields.whole("watch[" + k + "]", items.get(k), 0L, Integer.MAX_VALUE);
            if (out.contains(subnet)) {
                throw Fields.error("watch[" + k + "]", subnet + " is already watched (watch[" + out.indexOf(subnet)
                        + "])");
            }
            out.add(subnet);
        }
        return out;
    }

    private static String eraNames() {
        final List<String> names = new ArrayList<>();
        for (final Era era : Era.values()) {
            names.add(era.id());
        }
        return String.join(", ", names);
    }

    /** The optional {@code heldAlphaOnly} of sellers: true unless the file says false (the numpy peer's). */
    private static boolean heldAlphaOnly(final Fields f) {
        return !f.has("heldAlphaOnly") || Fields.bool(f.path("heldAlphaOnly"), f.get("heldAlphaOnly"));
    }

    /**
     * Builds an engine value whose constructor names its fields as the file does ({@code sigma: …}), and
     * puts the field's path in front: {@code behaviours[2].sigma: …}.
     */
    private static <T> T prefixed(final String path, final List<String> keys, final Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            final String message = String.valueOf(e.getMessage());
            for (final String key : keys) {
                if (message.startsWith(key + ":")) {
                    throw new IllegalArgumentException(path + "." + message, e);
                }
            }
            throw new IllegalArgumentException(path + ": " + message, e);
        }
    }
}
