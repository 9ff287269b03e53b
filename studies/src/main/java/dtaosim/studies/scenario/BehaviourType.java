package dtaosim.studies.scenario;

import dtaosim.engine.market.Behaviour;
import dtaosim.engine.market.EmissionSellers;
import dtaosim.engine.market.CapitalInflow;
import dtaosim.engine.market.GhostTown;
import dtaosim.engine.market.Intervention;
import dtaosim.engine.market.MemeCohort;
import dtaosim.engine.market.MomentumSpeculators;
import dtaosim.engine.market.NeuronRegistrations;
import dtaosim.engine.market.PoissonNoiseTraders;
import dtaosim.engine.market.PoissonRegistrations;
import dtaosim.engine.market.RevenueBuybacks;
import dtaosim.engine.market.RoleEmissionSellers;
import dtaosim.engine.market.PumpAndDump;
import dtaosim.engine.market.SubnetRegistrations;
import dtaosim.engine.market.UniformNoiseTraders;
import java.util.List;

/**
 * The market behaviours a scenario file can list, by the {@code type} it gives, with the keys each takes (the
 * engine record's component names; every key is required but the heldAlphaOnly of uniform-noise-traders and emission-sellers). Block
 * numbers are chain blocks, like
 * {@code startBlock}.
 */
public enum BehaviourType {
    /**
     * {@link UniformNoiseTraders}: one trade of up to σ of pool depth per (path, subnet, block); heldAlphaOnly is
     * optional (default true; false is the numpy peer's trader).
     */
    UNIFORM_NOISE_TRADERS("uniform-noise-traders", UniformNoiseTraders.class, "sigma", "heldAlphaOnly"),
    /**
     * {@link EmissionSellers}: a fraction of every epoch payout sold at once; heldAlphaOnly is optional (default
     * true; false is the numpy peer's sellers).
     */
    EMISSION_SELLERS("emission-sellers", EmissionSellers.class, "sellFraction", "heldAlphaOnly"),
    /** {@link PumpAndDump}: buys on one subnet over [buyFrom, buyUntil), sells everything at dumpAt. */
    PUMP_AND_DUMP("pump-and-dump", PumpAndDump.class, "subnet", "rateTao", "buyFrom", "buyUntil", "dumpAt"),
    /** {@link SubnetRegistrations}: count registrations from firstBlock, every everyBlocks. */
    SUBNET_REGISTRATIONS("subnet-registrations", SubnetRegistrations.class, "firstBlock", "everyBlocks", "count"),
    /** {@link NeuronRegistrations}: a burn of burnTao into every registered subnet every everyBlocks. */
    NEURON_REGISTRATIONS("neuron-registrations", NeuronRegistrations.class, "burnTao", "everyBlocks"),
    /** {@link PoissonNoiseTraders}: Poisson(λ) trades per cell and block, lognormal fractions of pool depth. */
    POISSON_NOISE_TRADERS("poisson-noise-traders", PoissonNoiseTraders.class, "tradesPerBlock", "logSizeMean",
            "logSizeSigma", "buyProbability"),
    /** {@link MemeCohort}: the SN28 holders, rewarded by holdings, joined by momentum and share chasers. */
    MEME_COHORT("meme-cohort", MemeCohort.class, "subnet", "arrivalsPerBlock", "buyTao", "capitalTao",
            "momentumBlocks", "momentumGain", "shareGain", "yieldGain", "holderRewards", "shareFeedback",
            "panicDrawdown", "exitFraction"),
    /** {@link Intervention}: a large holder sells and validators withdraw support at a trigger. */
    INTERVENTION("intervention", Intervention.class, "subnet", "triggerPriceMultiple", "triggerBlock", "sellAlpha",
            "withdrawSupport"),
    /** {@link RoleEmissionSellers}: owner, miners and validators each sell a fraction of their payout. */
    ROLE_EMISSION_SELLERS("role-emission-sellers", RoleEmissionSellers.class, "ownerFraction", "minerFraction",
            "validatorFraction"),
    /** {@link RevenueBuybacks}: a subnet spends part of its off-chain revenue buying back its alpha. */
    REVENUE_BUYBACKS("revenue-buybacks", RevenueBuybacks.class, "subnet", "revenueTaoPerDay", "revenueSigma",
            "buybackFraction", "everyBlocks", "burnBought"),
    /** {@link MomentumSpeculators}: positions opened above a subnet's log-price EMA, closed on reversal. */
    MOMENTUM_SPECULATORS("momentum-speculators", MomentumSpeculators.class, "lookbackBlocks", "entryReturn",
            "exitReturn", "positionTao", "capitalTao", "everyBlocks"),
    /** {@link GhostTown}: stakers leave subnets whose emission share stays below a threshold. */
    GHOST_TOWN("ghost-town", GhostTown.class, "shareThreshold", "graceDays", "unstakeFractionPerDay", "everyBlocks"),
    /** {@link CapitalInflow}: outside capital buys into every pool in one window and sells in a later one. */
    CAPITAL_INFLOW("capital-inflow", CapitalInflow.class, "buyRatePerBlock", "buyFrom", "buyUntil", "sellFrom",
            "sellUntil", "everyBlocks"),
    /** {@link PoissonRegistrations}: subnet registration attempts as a Poisson process. */
    POISSON_REGISTRATIONS("poisson-registrations", PoissonRegistrations.class, "ratePerDay", "firstBlock",
            "maxCount");

    private final String id;
    private final Class<? extends Behaviour> type;
    private final List<String> keys;

    BehaviourType(final String id, final Class<? extends Behaviour> type, final String... keys) {
        this.id = id;
        this.type = type;
        this.keys = List.of(keys);
    }

    /** The name scenario files use, e.g. {@code pump-and-dump}. */
    public String id() {
        return id;
    }

    /** The keys of the behaviour's parameters, in the engine record's order. */
    public List<String> keys() {
        return keys;
    }

    /** The type of an engine behaviour. */
    public static BehaviourType of(final Behaviour behaviour) {
        for (final BehaviourType t : values()) {
            if (t.type.isInstance(behaviour)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no scenario type for " + behaviour.getClass().getName());
    }

    /** Looks a type up by its name; null when there is none. */
    static BehaviourType byId(final String id) {
        for (final BehaviourType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return null;
    }

    /** The names there are, for error messages. */
    static String names() {
        final StringBuilder out = new StringBuilder();
        for (final BehaviourType t : values()) {
            out.append(out.length() == 0 ? "" : ", ").append(t.id);
        }
        return out.toString();
    }
}
