package dtaosim.studies.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.model.Era;
import dtaosim.engine.run.Scenario;
import dtaosim.studies.reference.ReferenceWorkload;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in scenarios: all listed, all valid, the reference one exactly the reference workload. */
class BuiltInScenariosTest {
    static Stream<String> names() {
        return BuiltInScenarios.NAMES.stream();
    }

    @Test
    void referenceScenarioShouldResolveToExactlyTheReferenceWorkload() {
        final Scenario fromFile = BuiltInScenarios.load("reference").resolve(Overrides.NONE);
        final Scenario workload = ReferenceWorkload.DEFAULT.scenario();
        // record equality: protocol (era, every parameter, switches, ramp), network arrays, horizon, paths, seed,
        // behaviours with their parameters in order, probes
        assertEquals(workload.protocol(), fromFile.protocol());
        assertEquals(workload.network(), fromFile.network());
        assertEquals(workload.behaviours(), fromFile.behaviours());
        assertEquals(workload.probes(), fromFile.probes());
        assertEquals(workload, fromFile);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyBuiltInShouldParseResolveAndDescribeItself(final String name) {
        final ScenarioFile file = BuiltInScenarios.load(name);
        assertFalse(file.summaryLine().isEmpty(), "a description");
        final Scenario scenario = file.resolve(Overrides.NONE);
        assertEquals(file.era(), scenario.protocol().era());
        assertTrue(BuiltInScenarios.text(name).contains("era"), "the text is the resource");
    }

    @Test
    void builtInsShouldBeExactlyTheResourcesAndCoverEveryEraFamily() throws IOException, URISyntaxException {
        final Path dir = Path.of(BuiltInScenarios.class.getResource("/scenarios/reference.yaml").toURI()).getParent();
        final Set<String> resources;
        try (Stream<Path> files = Files.list(dir)) {
            resources = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        assertEquals(BuiltInScenarios.NAMES.stream().map(n -> n + ".yaml").collect(Collectors.toSet()), resources);

        final Set<Era> eras = new LinkedHashSet<>();
        for (final String name : BuiltInScenarios.NAMES) {
            eras.add(BuiltInScenarios.load(name).era());
        }
        // families: launch (and its EMA ramp), subsidy, flow shares (taoflow, capped, netflow), price-burn
        assertEquals(Set.of(Era.LAUNCH_2025_02, Era.EMA_RAMP_2025_03, Era.SUBSIDY_2025_07, Era.TAOFLOW_2025_11,
                Era.NETFLOW_2026_05, Era.PRICE_BURN_2026_06), eras);
    }

    @Test
    void taoflowDemoShouldRegisterSubnetsAndBurnForNeurons() {
        final ScenarioFile file = BuiltInScenarios.load("taoflow-demo");
        final Map<String, Long> types = file.behaviours().stream()
                .collect(Collectors.groupingBy(b -> BehaviourType.of(b).id(), Collectors.counting()));
        assertEquals(1L, types.get("subnet-registrations"));
        assertEquals(1L, types.get("neuron-registrations"));
        assertEquals(file.subnets().count() + 4, file.resolve(Overrides.NONE).slots());
    }
}
