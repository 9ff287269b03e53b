package dtaosim.studies.cli;

import dtaosim.engine.model.Network;
import dtaosim.engine.run.Runner;
import dtaosim.engine.run.Scenario;
import dtaosim.studies.scenario.LoadedScenario;
import dtaosim.studies.scenario.ScenarioSource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What fixes the numbers of a {@code dtaosim run}, as text for its checkpoint: the build of dtaosim, the
 * scenario's text, the pools it resolved to (a CSV's too), and the sizes, seed and era after the options. The
 * thread count is not in it: a path's numbers do not depend on it.
 */
final class RunIdentity {
    private RunIdentity() {
    }

    /** The identity of running {@code argument} (a file or built-in) as {@code run}. */
    static String of(final String argument, final LoadedScenario loaded, final Scenario run) {
        final Network n = run.network();
        final int pools = Objects.hash(Arrays.hashCode(n.taoReserve()), Arrays.hashCode(n.alphaIn()),
                Arrays.hashCode(n.alphaOut()), Arrays.hashCode(n.movingPrice()),
                Arrays.hashCode(n.firstEmissionBlock()), n.rootStakeTao(), n.totalIssuanceTao());
        return "dtaosim " + Version.dtaosim() + " " + codeFingerprint()
                + "\nscenario " + loaded.name() + (loaded.builtIn() ? " (built-in)" : "")
                + "\nera " + EraLine.of(run)
                + "\npaths " + run.paths() + " blocks " + run.blocks() + " from " + run.startBlock()
                + " seed " + run.seed()
                + "\npools " + Integer.toHexString(pools)
                + "\n\n" + ScenarioSource.load(argument).text();
    }

    /**
     * SHA-256 of the code that computes a run (the jar, or every file of a classes folder, of the command line and
     * of the engine), so that a checkpoint written by another build is refused: its numbers may differ.
     */
    static String codeFingerprint() {
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            final Set<Path> sources = new TreeSet<>();
            for (final Class<?> c : List.of(RunIdentity.class, Runner.class)) {
                sources.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            }
            for (final Path source : sources) {
                if (Files.isDirectory(source)) {
                    try (Stream<Path> files = Files.walk(source)) {
                        for (final Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            sha.update(source.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                            sha.update(Files.readAllBytes(f));
                        }
                    }
                } else {
                    sha.update(Files.readAllBytes(source));
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            return "unknown build";
        }
    }
}
