package dtaosim.studies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.run.PathRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --checkpoint DIR}: a run stopped part-way (SIGTERM, as Ctrl-C) keeps its finished path ranges, and
 * the same command run again simulates only the rest, printing what an uninterrupted run prints and dumping the
 * same final state; a folder of another run, or one that is not empty, is refused.
 */
class RunCheckpointTest {
    private static final String[] RUN = {"run", "taoflow-demo", "--paths", "1024", "--blocks", "1800"};

    @TempDir
    Path tmp;

    private static List<String> ranges(final Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bin")).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** The printed summary without the line of wall time and throughput, which differ between runs. */
    private static String figures(final String out) {
        return out.lines().filter(l -> !l.contains(" wall ") && !l.contains("final state of every path"))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void aStoppedRunShouldContinueFromItsCheckpointAndPrintWhatAWholeRunPrints() throws Exception {
        final Path kept = tmp.resolve("kept");
        final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(RUN));
        command.addAll(List.of("--threads", "1", "--checkpoint", kept.toString()));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("stopped.log").toFile()).start();
        try {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (ranges(kept).isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            process.destroy(); // SIGTERM: the shutdown hooks run, as on Ctrl-C
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        } finally {
            process.destroyForcibly();
        }
        final String log = Files.readString(tmp.resolve("stopped.log"));
        final List<String> stored = ranges(kept);
        // 1024 paths in 16 ranges of 64 (one thread)
        assertTrue(!stored.isEmpty() && stored.size() < 16, () -> "stopped part-way: " + stored + "; log: " + log);
        assertTrue(log.contains("dtaosim run: interrupted; " + 64 * stored.size() + " of 1,024 paths kept in "
                + kept + ": run the same command again to continue"), log);

        // another seed is another run: refused, and the folder left as it was
        final List<String> reseeded = new ArrayList<>(List.of(RUN));
        reseeded.addAll(List.of("--seed", "7", "--checkpoint", kept.toString()));
        final CliRun other = CliRun.of(reseeded.toArray(String[]::new));
        assertEquals(Main.EXIT_BAD_INPUT, other.exitCode(), other.err());
        assertTrue(other.err().contains("--checkpoint: " + kept + " holds the checkpoint of another run"),
                other.err());
        assertEquals(stored, ranges(kept));

        // a damaged range is named, with what to do
        final Path damaged = tmp.resolve("damaged");
        Files.createDirectories(damaged);
        try (Stream<Path> files = Files.list(kept)) {
            for (final Path f : files.toList()) {
                Files.copy(f, damaged.resolve(f.getFileName()));
            }
        }
        Files.writeString(damaged.resolve(stored.get(0)), "junk");
        final List<String> onDamaged = new ArrayList<>(List.of(RUN));
        onDamaged.addAll(List.of("--threads", "1", "--checkpoint", damaged.toString()));
        final CliRun broken = CliRun.of(onDamaged.toArray(String[]::new));
        assertEquals(Main.EXIT_BAD_INPUT, broken.exitCode(), broken.err());
        assertTrue(broken.err().contains(damaged.resolve(stored.get(0)) + " is not a finished range of this run"),
                broken.err());
        assertTrue(broken.err().contains("delete that file to run its paths again, or " + damaged + " to start over"),
                broken.err());

        final Path resumedDump = tmp.resolve("resumed.json");
        final List<String> again = new ArrayList<>(List.of(RUN));
        again.addAll(List.of("--threads", "2", "--checkpoint", kept.toString(), "--dump-state",
                resumedDump.toString()));
        final CliRun resumed = CliRun.of(again.toArray(String[]::new));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("(" + 64 * stored.size() + " paths from the checkpoint)"), resumed.out());
        assertFalse(Files.exists(kept), "the checkpoint is removed once the run completes");

        final Path wholeDump = tmp.resolve("whole.json");
        final List<String> plain = new ArrayList<>(List.of(RUN));
        plain.addAll(List.of("--threads", "2", "--dump-state", wholeDump.toString()));
        final CliRun whole = CliRun.of(plain.toArray(String[]::new));
        assertEquals(0, whole.exitCode(), whole.err());
        assertEquals(figures(whole.out()), figures(resumed.out()));
        assertEquals(Files.readString(wholeDump), Files.readString(resumedDump));
    }

    /** Ranges tile [0, P), reuse stored ones of any cut, and stay at least four with many threads. */
    @Test
    void rangesShouldTileThePathsAroundTheStoredOnes() {
        // 3000 paths: 1/16 is 188, 192 in whole batches, 256 for two threads
        assertEquals(List.of(new PathRange(0, 256), new PathRange(256, 512)),
                RunCheckpoint.ranges(3000, 2, List.of()).subList(0, 2));
        assertEquals(12, RunCheckpoint.ranges(3000, 2, List.of()).size());
        // 4096 paths on 32 threads: 2048-path ranges would be two; quarters keep four, 16 threads busy
        assertEquals(List.of(new PathRange(0, 1024), new PathRange(1024, 2048), new PathRange(2048, 3072),
                new PathRange(3072, 4096)), RunCheckpoint.ranges(4096, 32, List.of()));
        // 100 paths: one batch at most each, the last one short
        assertEquals(List.of(new PathRange(0, 64), new PathRange(64, 100)), RunCheckpoint.ranges(100, 1, List.of()));
        // stored ranges of another cut are kept; the gaps around them are cut anew
        final List<PathRange> around = RunCheckpoint.ranges(1024, 1,
                List.of(new PathRange(128, 384), new PathRange(640, 768)));
        assertEquals(List.of(new PathRange(0, 64), new PathRange(64, 128), new PathRange(128, 384),
                new PathRange(384, 448), new PathRange(448, 512), new PathRange(512, 576), new PathRange(576, 640),
                new PathRange(640, 768), new PathRange(768, 832), new PathRange(832, 896), new PathRange(896, 960),
                new PathRange(960, 1024)), around);
    }

    @Test
    void aFolderOfAnotherRunShouldBeRefused() throws IOException {
        final Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("run.id"), "dtaosim dev\nscenario something else\n");
        final CliRun run = CliRun.of("run", "taoflow-demo", "--paths", "2", "--blocks", "10", "--checkpoint",
                other.toString());
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("--checkpoint: " + other + " holds the checkpoint of another run"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aFolderThatCannotBeMadeShouldBeRefused() throws IOException {
        final Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        final CliRun run = CliRun.of("run", "taoflow-demo", "--paths", "2", "--blocks", "10", "--checkpoint",
                file.resolve("ck").toString());
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("error: --checkpoint: cannot use " + file.resolve("ck") + " as a folder"),
                run.err());
        final CliRun onFile = CliRun.of("run", "taoflow-demo", "--paths", "2", "--blocks", "10", "--checkpoint",
                file.toString());
        assertEquals(Main.EXIT_BAD_INPUT, onFile.exitCode(), onFile.err());
        assertTrue(onFile.err().contains("--checkpoint: " + file + " is a file, not a folder"), onFile.err());
    }

    @Test
    void aFolderThatIsNotEmptyShouldBeRefused() throws IOException {
        final Path busy = tmp.resolve("busy");
        Files.createDirectories(busy);
        Files.writeString(busy.resolve("notes.txt"), "mine");
        final CliRun run = CliRun.of("run", "taoflow-demo", "--paths", "2", "--blocks", "10", "--checkpoint",
                busy.toString());
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("--checkpoint: " + busy + " is not empty and holds no run checkpoint"),
                run.err());
        assertTrue(Files.exists(busy.resolve("notes.txt")));
    }
}
