package dtaosim.studies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpointed study killed with SIGKILL part-way, then resumed: the resumed run simulates only the paths that
 * were not stored, and its figures are bit-identical to an uninterrupted run's.
 */
class ResumeAfterKillTest {
    private static final int PATHS = 160;
    private static final String[] STUDY = {"study", "meme-capture", "sn28-2025-02", "--paths",
        Integer.toString(PATHS), "--sweep", "behaviours[2].capitalTao=3000", "--samples", "20", "--quiet"};

    @TempDir
    Path tmp;

    private static long storedPaths(final Path dir) throws IOException {
        final Path cell = dir.resolve("partial/cell-0");
        if (!Files.isDirectory(cell)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(cell)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bin"))
                    .mapToLong(n -> {
                        final String[] range = n.substring(0, n.length() - 4).split("-");
                        return Long.parseLong(range[1]) - Long.parseLong(range[0]);
                    }).sum();
        }
    }

    @Test
    void resumedRunShouldMatchAnUninterruptedOne() throws Exception {
        killResumeAndCompare(STUDY, PATHS, List.of("--checkpoint-every", "8"), 16);
    }

    /** Without --checkpoint-every a study stores chunks of 256 paths a thread, so a kill loses at most one. */
    @Test
    void aStudyWithoutCheckpointEveryShouldStoreChunksByDefault() throws Exception {
        final int paths = 3 * 256;
        final String[] study = {"study", "meme-capture", "meme-loop-demo", "--paths", Integer.toString(paths),
            "--blocks", "7200", "--sweep", "behaviours[2].capitalTao=3000", "--samples", "12", "--quiet"};
        killResumeAndCompare(study, paths, List.of(), 256);
    }

    /**
     * Runs {@code study} with one thread in a child JVM, kills it with SIGKILL once {@code killAfter} paths are
     * stored, resumes it with two threads and compares it with an uninterrupted run.
     */
    private void killResumeAndCompare(final String[] study, final long paths, final List<String> checkpoint,
                                      final long killAfter) throws Exception {
        final Path killed = tmp.resolve("killed");
        // SIGKILL: no shutdown hook, no chance to tidy up
        stopPartWay(study, checkpoint, killed, killAfter, Process::destroyForcibly);
        final long stored = storedPaths(killed);
        assertTrue(stored >= killAfter && stored < paths, () -> "killed part-way: " + stored + " paths stored; log: "
                + readQuietly(tmp.resolve("killed.log")));
        assertFalse(Files.exists(killed.resolve("summary.json")), "a killed run has no summary");

        final CliRun resumed = CliRun.of("resume", killed.toString(), "--threads", "2", "--quiet");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(paths - stored, ((Number) StudyCommandTest.stamp(killed).get("executedPaths")).longValue(),
                "only the unfinished paths run again");

        final Path whole = tmp.resolve("whole");
        final List<String> args = new ArrayList<>(List.of(study));
        args.addAll(List.of("--out", whole.toString()));
        assertEquals(0, CliRun.of(args.toArray(String[]::new)).exitCode());
        assertEquals(StudyCommandTest.figures(whole), StudyCommandTest.figures(killed));
        assertEquals(Files.readString(whole.resolve("paths.csv")), Files.readString(killed.resolve("paths.csv")));

        final CliRun again = CliRun.of("resume", killed.toString(), "--quiet");
        assertEquals(Main.EXIT_BAD_INPUT, again.exitCode());
        assertTrue(again.err().contains("complete"), again.err());
    }

    /**
     * SIGTERM (as Ctrl-C or a scheduler's stop): the study says on stderr how many paths it stored and how to go
     * on. The count is read as the JVM stops, so a chunk in flight may still land after it.
     */
    @Test
    void aTerminatedStudyShouldSayWhatItKeptAndHowToResume() throws Exception {
        final Path stopped = tmp.resolve("stopped");
        stopPartWay(STUDY, List.of("--checkpoint-every", "8"), stopped, 16, Process::destroy);
        final String log = readQuietly(tmp.resolve("stopped.log"));
        final Matcher said = Pattern.compile("dtaosim study meme-capture: interrupted; ([0-9,]+) of 160 paths stored"
                + " in (\\S+): dtaosim resume (\\S+) continues").matcher(log);
        assertTrue(said.find(), log);
        final long count = Long.parseLong(said.group(1).replace(",", ""));
        final long stored = storedPaths(stopped);
        assertTrue(count >= 16 && count <= stored && stored < PATHS, () -> count + " said, " + stored + " stored");
        assertEquals(stopped.toString(), said.group(2));
        assertEquals(stopped.toString(), said.group(3));
    }

    /**
     * Runs {@code study} with one thread in a child JVM writing to {@code out} (its output in {@code out}.log)
     * and stops it with {@code stop} once {@code stopAfter} paths are stored.
     */
    private void stopPartWay(final String[] study, final List<String> checkpoint, final Path out,
                             final long stopAfter, final Consumer<Process> stop) throws Exception {
        final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(study));
        command.addAll(List.of("--threads", "1"));
        command.addAll(checkpoint);
        command.addAll(List.of("--out", out.toString()));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(out.getFileName() + ".log").toFile()).start();
        try {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (storedPaths(out) < stopAfter && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            stop.accept(process);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String readQuietly(final Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

}
