package dtaosim.studies.scenario;

import dtaosim.engine.kernel.MovingPrice;
import dtaosim.engine.market.Behaviour;
import dtaosim.engine.market.CapitalInflow;
import dtaosim.engine.market.Intervention;
import dtaosim.engine.market.PoissonRegistrations;
import dtaosim.engine.market.PumpAndDump;
import dtaosim.engine.market.SubnetRegistrations;
import dtaosim.engine.model.ChainConstants;
import dtaosim.engine.model.Era;
import dtaosim.engine.model.Parameter;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.model.Switch;
import dtaosim.engine.run.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a scenario file asks for that a run accepts but will not do, said before the run: a parameter no era of
 * the run reads, a switch of an era the run does not reach (dropped under {@code --era}, or scheduled after
 * the run's last block), and subnet registrations scheduled outside the run's blocks. Also a run that starts
 * in an era weighing emission by TAO flows, whose EMAs every run starts at 0.
 */
public final class ScenarioWarnings {
    private ScenarioWarnings() {
    }

    /**
     * The warnings of a study's cells, each once: a parameter that no cell reads, and registrations outside the
     * blocks (the same in every cell). Switches are left out: a study over eras drops each cell's other eras'
     * switches by design.
     */
    public static List<String> ofCells(final ScenarioFile file, final List<Scenario> cells) {
        final Set<String> common = new LinkedHashSet<>(of(file, cells.get(0), null));
        for (final Scenario cell : cells.subList(1, cells.size())) {
            common.retainAll(of(file, cell, null));
        }
        common.removeIf(line -> line.startsWith("warning: switches."));
        // the flows' cold start holds for the cells that start in such an era, however many they are
        for (final Scenario cell : cells) {
            final String cold = coldFlows(cell);
            if (cold != null) {
                common.add(cold);
            }
        }
        return List.copyOf(common);
    }

    /**
     * One line per warning, each starting with {@code warning: }.
     *
     * @param eraOption the {@code --era} given, or null
     */
    public static List<String> of(final ScenarioFile file, final Scenario run, final String eraOption) {
        final List<String> warnings = new ArrayList<>();
        final List<ProtocolParams> rules = new ArrayList<>();
        rules.add(run.protocol());
        run.eraChanges().forEach(change -> rules.add(change.protocol()));
        for (final Map.Entry<Parameter, Double> e : file.parameters().entrySet()) {
            final String why = e.getKey().noEffectIn(rules.get(0));
            if (why != null && rules.stream().allMatch(r -> e.getKey().noEffectIn(r) != null)) {
                warnings.add("warning: parameters." + e.getKey().id() + " has no effect in this run: " + why);
            }
        }
        if (!file.firstEmissionBlock().isEmpty() && rules.stream().noneMatch(ScenarioWarnings::rampsFromStartCall)) {
            warnings.add("warning: firstEmissionBlock has no effect in this run: no era of it ramps the moving"
                    + " price's EMA factor by the blocks since start_call (movingPriceRamp off, or the ramp's age"
                    + " counted from registration before 2025-04-04)");
        } else if (!file.firstEmissionBlock().isEmpty()
                && Collections.max(file.firstEmissionBlock()) > run.startBlock() + run.blocks() - 1) {
            warnings.add("warning: firstEmissionBlock " + Collections.max(file.firstEmissionBlock()) + " is after the"
                    + " run's last block " + (run.startBlock() + run.blocks() - 1) + ": under a ramp counted from"
                    + " start_call the EMA factor is 0 until then, so those subnets' moving prices do not move");
        }
        final Set<Era> eras = EnumSet.noneOf(Era.class);
        rules.forEach(r -> eras.add(r.era()));
        for (final Switch s : file.switches().keySet()) {
            if (!eras.contains(s.era())) {
                warnings.add("warning: switches." + s.id() + " belongs to era " + s.era().id() + ", which "
                        + (eraOption != null ? "this run does not schedule (--era " + eraOption + ")"
                        : "starts after the run's last block") + ": it has no effect");
            }
        }
        final String cold = coldFlows(run);
        if (cold != null) {
            warnings.add(cold);
        }
        final List<Behaviour> behaviours = run.behaviours();
        final long end = run.startBlock() + run.blocks();
        for (int k = 0; k < behaviours.size(); k++) {
            if (behaviours.get(k) instanceof SubnetRegistrations r && r.count() > 0) {
                int outside = 0;
                for (int a = 0; a < r.count(); a++) {
                    final long block = r.firstBlock() + a * r.everyBlocks();
                    if (block < run.startBlock() || block >= end) {
                        outside++;
                    }
                }
                if (outside > 0) {
                    warnings.add("warning: behaviours[" + k + "] (subnet-registrations): " + outside + " of "
                            + r.count() + " attempts fall outside the run's blocks [" + run.startBlock() + ", " + end
                            + ") and are not made");
                }
            }
            final String outside = outsideTheRun(behaviours.get(k), run.startBlock(), end);
            if (outside != null) {
                warnings.add("warning: behaviours[" + k + "] " + outside + " (the run's blocks are ["
                        + run.startBlock() + ", " + end + "))");
            }
        }
        for (int k = 0; k < file.eras().size(); k++) {
            final EraEntry entry = file.eras().get(k);
            if (eraOption == null && entry.fromBlock() >= end) {
                warnings.add("warning: eras[" + k + "] (" + entry.era().id() + ") starts at block " + entry.fromBlock()
                        + ", after the run's last block " + (end - 1) + ": it has no effect");
            }
        }
        return warnings;
    }

    /** Whether the EMA factor ramps with the blocks since FirstEmissionBlockNumber (mechanics §2a). */
    private static boolean rampsFromStartCall(final ProtocolParams rules) {
        return rules.movingPriceRamp() && !MovingPrice.ageFromRegistration(rules);
    }

    /**
     * What a behaviour scheduled by blocks does not do inside the run's blocks [start, end), or null: a pump or
     * capital inflow that buys nothing or does not sell within the run, an intervention's trigger block or the
     * Poisson registrations' first block after it.
     */
    private static String outsideTheRun(final Behaviour behaviour, final long start, final long end) {
        if (behaviour instanceof PumpAndDump pump && pump.buyUntil() > pump.buyFrom()) {
            if (pump.buyUntil() <= start || pump.buyFrom() >= end) {
                return "(pump-and-dump): its buying [" + pump.buyFrom() + ", " + pump.buyUntil() + ") falls outside"
                        + " the run: it buys nothing";
            }
            if (pump.dumpAt() >= end) {
                return "(pump-and-dump): dumpAt " + pump.dumpAt() + " is after the run, so what it buys is not sold"
                        + " and pump.pnl is minus what it spent";
            }
        }
        if (behaviour instanceof CapitalInflow inflow && inflow.buyUntil() > inflow.buyFrom()) {
            if (inflow.buyUntil() <= start || inflow.buyFrom() >= end) {
                return "(capital-inflow): its buying [" + inflow.buyFrom() + ", " + inflow.buyUntil() + ") falls"
                        + " outside the run: it buys nothing";
            }
            // orders fall on multiples of everyBlocks; the last one in the selling window sells what is left
            final long lastSell = Math.floorDiv(inflow.sellUntil() - 1, inflow.everyBlocks()) * inflow.everyBlocks();
            if (lastSell < inflow.sellFrom()) {
                return "(capital-inflow): no order block (a multiple of everyBlocks " + inflow.everyBlocks()
                        + ") falls in its selling [" + inflow.sellFrom() + ", " + inflow.sellUntil() + "), so what it"
                        + " buys is never sold";
            }
            if (lastSell >= end) {
                return "(capital-inflow): its last sell order, at block " + lastSell + ", is after the run, so not"
                        + " all it buys is sold in it";
            }
        }
        // the block trigger fires at the first block at or after it, so one before the run fires at its start
        if (behaviour instanceof Intervention intervention && intervention.triggerBlock() >= end) {
            return "(intervention): triggerBlock " + intervention.triggerBlock() + " is after the run: that trigger"
                    + " never fires" + (intervention.triggerPriceMultiple() > 0.0
                    ? " (the price trigger still may)" : "");
        }
        if (behaviour instanceof PoissonRegistrations registrations && registrations.firstBlock() >= end) {
            return "(poisson-registrations): firstBlock " + registrations.firstBlock() + " is after the run: no"
                    + " attempt is made";
        }
        return null;
    }

    /**
     * mechanics §2b: a run that starts in an era whose shares follow the EMA of users' net TAO flow, or changes
     * into one from an era without flows, starts every EMA at 0 (a scenario holds no history of flows; the
     * chain's own change reset them too), so the first shares rest on the first trades; null for other runs.
     */
    private static String coldFlows(final Scenario run) {
        ProtocolParams before = null;
        long from = run.startBlock();
        ProtocolParams rules = run.protocol();
        for (int k = 0; ; k++) {
            final boolean flows = Parameter.FLOW_SMOOTHING.noEffectIn(rules) == null;
            if (flows && (before == null || Parameter.FLOW_SMOOTHING.noEffectIn(before) != null)) {
                final double smoothing = rules.get(Parameter.FLOW_SMOOTHING);
                final String pace = smoothing > 0.0 ? String.format(Locale.ROOT, "half-life %.3g days",
                        Math.log(2.0) / smoothing / ChainConstants.BLOCKS_PER_DAY) : "smoothing 0: it never moves";
                return String.format(Locale.ROOT, "warning: %s%s weighs emission by each subnet's EMA of users' net"
                        + " TAO flow, which the run starts at 0 for every subnet (%s): early shares rest on the first"
                        + " trades, and a block with no inflow anywhere emits nothing", rules.era().id(),
                        before == null ? "" : " (from block " + from + ")", pace);
            }
            if (k == run.eraChanges().size()) {
                return null;
            }
            before = rules;
            from = run.eraChanges().get(k).block();
            rules = run.eraChanges().get(k).protocol();
        }
    }
}
