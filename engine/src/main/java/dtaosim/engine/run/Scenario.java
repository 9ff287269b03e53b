package dtaosim.engine.run;

import dtaosim.engine.market.Behaviour;
import dtaosim.engine.model.Checks;
import dtaosim.engine.model.Network;
import dtaosim.engine.model.ProtocolParams;
import dtaosim.engine.yuma.YumaSetup;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run needs, as plain values: the rules, the starting network, the horizon, the number of paths
 * and the seed that together fix every random draw, the behaviours that trade and the probes that watch.
 *
 * @param protocol   parameters of the era
 * @param network    network at {@code startBlock}, the same on every path
 * @param startBlock chain block number of the first simulated block (drives the epoch schedule)
 * @param blocks     blocks simulated
 * @param paths      paths in the run, P; path indices are [0, P)
 * @param seed       seed of every random stream
 * @param behaviours market behaviours, run in this order after the chain's step each block
 * @param probes     observers, run after the behaviours each block
 * @param eraChanges runtime upgrades during the run, in block order ({@code protocol} rules until the first)
 * @param yuma       the subnets that run Yuma consensus at their epochs and their neurons, or null (the
 *                   aggregate split everywhere)
 */
public record Scenario(ProtocolParams protocol, Network network, long startBlock, int blocks, long paths,
                       long seed, List<Behaviour> behaviours, List<Probe> probes, List<EraChange> eraChanges,
                       YumaSetup yuma) {

    /** A scenario without Yuma subnets. */
    public Scenario(final ProtocolParams protocol, final Network network, final long startBlock, final int blocks,
                    final long paths, final long seed, final List<Behaviour> behaviours, final List<Probe> probes,
                    final List<EraChange> eraChanges) {
        this(protocol, network, startBlock, blocks, paths, seed, behaviours, probes, eraChanges, null);
    }

    /** A scenario under one era throughout. */
    public Scenario(final ProtocolParams protocol, final Network network, final long startBlock, final int blocks,
                    final long paths, final long seed, final List<Behaviour> behaviours, final List<Probe> probes) {
        this(protocol, network, startBlock, blocks, paths, seed, behaviours, probes, List.of());
    }

    /** Validates the horizon and copies the lists. */
    public Scenario {
        Checks.inRange("startBlock", startBlock, 0L, Long.MAX_VALUE / 4);
        Checks.inRange("blocks", blocks, 1L, 100_000_000L);
        Checks.inRange("paths", paths, 1L, 1L << 40);
        // the network's subnets emit from the first block; their FirstEmissionBlockNumber feeds the EMA ramp only,
        // and may lie after the start: the 2025-03 migration set it on subnets already emitting (mechanics §2a)
        for (int i = 0; i < network.subnets(); i++) {
            Checks.inRange("network.firstEmissionBlock[" + i + "]", network.firstEmissionBlock()[i], 0L,
                    Long.MAX_VALUE / 4);
        }
        if (yuma != null) {
            yuma.checkSlots(network.subnets());
        }
        behaviours = List.copyOf(behaviours);
        probes = List.copyOf(probes);
        eraChanges = List.copyOf(eraChanges);
        long previous = startBlock;
        for (int k = 0; k < eraChanges.size(); k++) {
            final long at = eraChanges.get(k).block();
            if (at <= previous || at >= startBlock + blocks) {
                throw new IllegalArgumentException("eraChanges[" + k + "].block: " + at + " is not in ("
                        + previous + ", " + (startBlock + blocks) + ") (after the start and the change before)");
            }
            previous = at;
        }
    }

    /** Subnet slots a batch needs: the network's subnets plus those the behaviours may register. */
    public int slots() {
        int slots = network.subnets();
        for (final Behaviour b : behaviours) {
            slots = Math.addExact(slots, b.extraSlots());
        }
        return slots;
    }

    /** This scenario with {@code probe} added after its probes. */
    public Scenario withProbe(final Probe probe) {
        final List<Probe> more = new ArrayList<>(probes);
        more.add(probe);
        return new Scenario(protocol, network, startBlock, blocks, paths, seed, behaviours, more, eraChanges, yuma);
    }

    /** This scenario with {@code setup}'s subnets running Yuma (null: none). */
    public Scenario withYuma(final YumaSetup setup) {
        return new Scenario(protocol, network, startBlock, blocks, paths, seed, behaviours, probes, eraChanges, setup);
    }

    /** The whole path range [0, P). */
    public PathRange allPaths() {
        return new PathRange(0, paths);
    }
}
