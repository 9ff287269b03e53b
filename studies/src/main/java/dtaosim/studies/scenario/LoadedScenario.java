package dtaosim.studies.scenario;

/**
 * A scenario file as loaded by name or path.
 *
 * @param name    the built-in's name, or the file's name without {@code .yaml}
 * @param builtIn whether it is one of {@link BuiltInScenarios}
 * @param file    its contents
 */
public record LoadedScenario(String name, boolean builtIn, ScenarioFile file) {
}
