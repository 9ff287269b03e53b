package dtaosim.studies.scenario;

import dtaosim.studies.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario's text with where it came from, so that a study can keep it beside its outputs and rebuild the
 * same scenario later (resume, merge) even if the file has changed or the working directory is another.
 *
 * @param name    the built-in's name, or the file name without {@code .yaml}
 * @param builtIn whether it is a built-in scenario
 * @param text    the YAML text
 * @param baseDir absolute directory a relative {@code subnets.csv} is resolved against (null for built-ins)
 */
public record ScenarioSource(String name, boolean builtIn, String text, String baseDir) {
    /** A scenario by file path or built-in name, as {@link ScenarioParser#load} finds it. */
    public static ScenarioSource load(final String fileOrName) {
        final LoadedScenario loaded = ScenarioParser.load(fileOrName); // checks it and names the problem
        if (loaded.builtIn()) {
            return new ScenarioSource(loaded.name(), true, BuiltInScenarios.text(fileOrName), null);
        }
        try {
            final Path file = Path.of(fileOrName).toAbsolutePath();
            return new ScenarioSource(loaded.name(), false, Files.readString(file), file.getParent().toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("SCENARIO: cannot read " + fileOrName + " (" + AtomicFiles.describe(e)
                    + ")", e);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("SCENARIO: cannot read " + fileOrName + " (" + e.getMessage() + ")", e);
        }
    }

    /** The file with {@code edits} applied, checked field by field. */
    public ScenarioFile parse(final List<ScenarioEdit> edits) {
        return ScenarioParser.parse(text, builtIn ? name : name + ".yaml", baseDir == null ? null : Path.of(baseDir),
                edits);
    }
}
