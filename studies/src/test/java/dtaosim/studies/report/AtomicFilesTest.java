package dtaosim.studies.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written through {@link AtomicFiles} is there complete or not at all, also when the JVM is stopped. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFinishedWriteLeavesOnlyTheTarget() throws IOException {
        AtomicFiles.writeString(dir.resolve("a.txt"), "hello\n");
        assertEquals("hello\n", Files.readString(dir.resolve("a.txt")));
        assertEquals(List.of("a.txt"), names(dir));
    }

    @Test
    void aFailedWriteLeavesNothing() {
        assertThrows(IOException.class, () -> AtomicFiles.write(dir.resolve("b.txt"), out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        }));
        assertEquals(List.of(), names(dir));
    }

    /** SIGTERM (as Ctrl-C, through the JVM's shutdown hooks) while a write is half-way leaves no file at all. */
    @Test
    void aJvmStoppedMidWriteLeavesNothing() throws Exception {
        final Path target = dir.resolve("dump.json");
        final Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlowWriter.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("writing", lines.readLine());
            // the half-written temporary file exists beside the target
            assertEquals(1, names(dir).size());
            assertTrue(names(dir).get(0).endsWith(".tmp"));
            child.destroy();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals(List.of(), names(dir));
    }

    private static List<String> names(final Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes part of a file, says so on stdout, then waits to be stopped. */
    public static final class SlowWriter {
        public static void main(final String[] args) throws IOException {
            AtomicFiles.write(Path.of(args[0]), out -> {
                out.write(new byte[1 << 20]);
                out.flush();
                System.out.println("writing");
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
