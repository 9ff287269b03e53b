package dtaosim.studies.cli;

import dtaosim.engine.model.Era;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.model.Switch;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dtaosim eras [NAME]}: the protocol eras, their rules, switches and default parameters. */
@Command(name = "eras", mixinStandardHelpOptions = true,
        description = {"Lists the eras (rule sets) a scenario can run under, with parameter defaults.",
            "With a NAME shows that era's rules, its dated switches and the defaults of",
            "every parameter."})
final class ErasCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "an era, e.g. launch-2025-02")
    private String name;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            // the pool column as wide as its longest entry, so it never runs into the rules
            int poolWidth = "pool".length();
            for (final Era era : Era.values()) {
                poolWidth = Math.max(poolWidth, pool(era).length());
            }
            final String row = "%-20s %-10s %-" + poolWidth + "s  %s%n";
            out.printf(row, "era", "from", "pool", "rules");
            for (final Era era : Era.values()) {
                out.printf(row, era.id(), era.from(), pool(era), era.summary());
            }
            out.println();
            defaultsTable(out);
            out.println();
            out.println("Show one era with its rules, switches, and its parameters' units and sources: dtaosim eras NAME");
        } else {
            show(out, Era.byId(name));
        }
        out.flush();
        return 0;
    }

    private static void show(final PrintWriter out, final Era era) {
        final String steps = era.firstStep().equals(era.from()) ? ""
                : "; its rules reached main in steps from " + era.firstStep() + ", the switches below";
        out.printf("%s (from %s%s)%n  %s%n  pool: %s%n", era.id(), era.from(), steps, era.summary(), pool(era));
        final ProtocolParams defaults = era.defaults();
        out.printf("  moving-price ramp a·b/(b+H): %s%n", defaults.movingPriceRamp() ? "on" : "off");
        out.println();
        out.println("switches (dated rule changes inside the era; on = the rule from that date):");
        if (Switch.of(era).isEmpty()) {
            out.println("  (none)");
        }
        for (final Switch s : Switch.of(era)) {
            out.printf("  %-38s %s  default %-3s%n      on:  %s%n      off: %s%n", s.id(), s.date(),
                    s.defaultOn() ? "on" : "off", s.ruleOn(), s.ruleOff());
        }
        out.println();
        out.println("parameters (defaults; a scenario may override any):");
        for (final Parameter p : Parameter.values()) {
            final String unused = p.noEffectIn(defaults);
            out.printf("  %-24s %-14s %-10s %s%s%n", p.id(), format(defaults.get(p)), p.unit(), p.source(),
                    unused == null ? "" : "; no effect here: " + unused);
        }
    }

    /**
     * Every parameter's default in every era, side by side; {@code -} marks a parameter the era's runs do not
     * read (the minimum stake, which only {@code quote} applies, is shown).
     */
    private static void defaultsTable(final PrintWriter out) {
        out.println("parameter defaults by era, the era's dated switches at their defaults (some date from inside"
                + " the era; dtaosim eras NAME lists them):");
        out.println("a scenario may override any; - = no effect in that era's runs; minStake is quote's guard");
        final StringBuilder header = new StringBuilder(String.format("  %-22s", "parameter"));
        for (final Era era : Era.values()) {
            header.append(String.format(" %12s", era.id().substring(0, era.id().length() - 8)));
        }
        out.println(header);
        for (final Parameter p : Parameter.values()) {
            final StringBuilder row = new StringBuilder(String.format("  %-22s", p.id()));
            for (final Era era : Era.values()) {
                final ProtocolParams defaults = era.defaults();
                final boolean shown = p.noEffectIn(defaults) == null || p == Parameter.MIN_STAKE;
                row.append(String.format(" %12s", shown ? compact(defaults.get(p)) : "-"));
            }
            out.println(row);
        }
    }

    /** Whole values as integers, others with six significant digits and no trailing zeros. */
    private static String compact(final double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(java.util.Locale.ROOT, "%.6g", value).replaceAll("\\.?0+(e|$)", "$1");
    }

    private static String pool(final Era era) {
        return switch (era.pool()) {
            case CONSTANT_PRODUCT_FLAT_FEE -> "x·y=k, flat 50,000 rao fee";
            case CONSTANT_PRODUCT_RATE_FEE -> "x·y=k (V3 full range), " + era.feeRate() + "/65535";
            case WEIGHTED -> "Balancer weighted, " + era.feeRate() + "/65535";
        };
    }

    private static String format(final double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format("%.6g", value);
    }
}
