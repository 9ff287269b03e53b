package dtaosim.studies.cli;

import dtaosim.engine.model.Network;
import dtaosim.engine.run.Runner;
import dtaosim.engine.run.Scenario;
import dtaosim.studies.scenario.LoadedScenario;
import dtaosim.studies.scenario.ScenarioSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
     * SHA-256 of the code that computes a run: every class file and resource of the command line and of the
     * engine (from their jar, or their classes folders), by name and content, not the jar's own bytes, which
     * change with every build of the same sources. A checkpoint of other code is refused: its numbers may differ.
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
                            entry(sha, source.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                        }
                    }
                } else {
                    try (ZipFile jar = new ZipFile(source.toFile())) {
                        final List<? extends ZipEntry> entries = jar.stream()
                                .filter(e -> !e.isDirectory() && !e.getName().startsWith("META-INF/"))
                                .sorted(Comparator.comparing(ZipEntry::getName)).toList();
                        for (final ZipEntry e : entries) {
                            try (InputStream in = jar.getInputStream(e)) {
                                entry(sha, e.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            throw new IllegalArgumentException("--checkpoint: cannot fingerprint dtaosim's code (" + e + ")", e);
        }
    }

    private static void entry(final MessageDigest sha, final String name, final byte[] content) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(content);
    }
}
