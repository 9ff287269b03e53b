package dtaosim.studies.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The scenarios shipped with dtaosim, as resources {@code scenarios/NAME.yaml}: the reference workload, the
 * scenario {@code dtaosim calibrate} compares with mainnet (a first, uncalibrated attempt for now) and one small
 * demo per era family. Each is a starting point to copy ({@code dtaosim scenarios NAME > my.yaml}).
 */
public final class BuiltInScenarios {
    /** The built-in names, in the order {@code dtaosim scenarios} lists them. */
    public static final List<String> NAMES = List.of("reference", "mainnet-2025", "sn28-2025-02", "ema-ramp-demo",
            "meme-loop-demo", "subsidy-demo", "taoflow-demo", "netflow-demo", "price-burn-demo", "yuma-demo");

    private BuiltInScenarios() {
    }

    /** The YAML text of a built-in scenario. */
    public static String text(final String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("scenario: '" + name + "' is not one of " + String.join(", ", NAMES));
        }
        final String resource = "/scenarios/" + name + ".yaml";
        try (InputStream in = BuiltInScenarios.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A built-in scenario, parsed; a relative CSV path in it would be read from the working directory. */
    public static ScenarioFile load(final String name) {
        return ScenarioParser.parse(text(name), "built-in scenario " + name, Path.of("").toAbsolutePath());
    }
}
