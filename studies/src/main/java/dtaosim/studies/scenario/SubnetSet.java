package dtaosim.studies.scenario;

import dtaosim.engine.model.Network;

/**
 * The subnets a scenario starts with, as its file gives them: a generated profile ({@link LogSpacedPools}) or
 * listed reserves and prices ({@link ListedPools}, from the file's lists or a CSV file).
 */
public sealed interface SubnetSet permits LogSpacedPools, ListedPools {
    /** Number of subnets. */
    int count();

    /** One line saying where the subnets come from, for summaries. */
    String describe();

    /** The engine's network of these subnets, every one started before the run (FirstEmissionBlock 0). */
    Network network(double rootStakeTao, double totalIssuanceTao);
}
