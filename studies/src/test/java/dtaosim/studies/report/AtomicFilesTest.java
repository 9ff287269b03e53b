package dtaosim.studies.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

    /** A symbolic link stays a link: the file it points to gets the content (also a dangling link's target). */
    @Test
    void aWriteThroughASymbolicLinkReplacesItsTargetAndKeepsTheLink() throws IOException {
        final Path real = Files.writeString(dir.resolve("real.json"), "old");
        final Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));
        AtomicFiles.writeString(link, "new");
        final Path dangling = Files.createSymbolicLink(dir.resolve("later.json"), Path.of("made.json"));
        AtomicFiles.writeString(dangling, "made");
        assertAll(
                () -> assertTrue(Files.isSymbolicLink(link)),
                () -> assertEquals("new", Files.readString(real)),
                () -> assertTrue(Files.isSymbolicLink(dangling)),
                () -> assertEquals("made", Files.readString(dir.resolve("made.json"))),
                () -> assertEquals(List.of("later.json", "link.json", "made.json", "real.json"), names(dir)));
    }

    /**
     * A FIFO (like a device such as /dev/null) cannot be replaced without destroying it: it is written in place.
     * Made with mkfifo, read by a second process; a FIFO replaced by a file would leave that reader waiting, so the
     * test has a time limit.
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aWriteToAFifoWritesIntoItAndLeavesItAFifo() throws Exception {
        final Path fifo = dir.resolve("pipe");
        final Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo here: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        final Process reader = new ProcessBuilder("cat", fifo.toString()).start();
        try {
            AtomicFiles.writeString(fifo, "through the pipe\n");
            assertEquals("through the pipe\n", new String(reader.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        } finally {
            reader.destroyForcibly();
        }
        assertAll(
                () -> assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo)),
                () -> assertEquals(List.of("pipe"), names(dir)));
    }

    /**
     * Links stop at /dev and /proc, whose links are the kernel's: /dev/stdout is the process's own stdout (written
     * through its descriptor), never the file or pipe /proc/self/fd/1 shows; a loop of links is an error.
     */
    @Test
    void kernelLinksShouldNotBeFollowedAndLoopsShouldBeRefused() throws IOException {
        Files.createSymbolicLink(dir.resolve("one"), Path.of("two"));
        Files.createSymbolicLink(dir.resolve("two"), Path.of("one"));
        final Path toStdout = Files.createSymbolicLink(dir.resolve("out"), Path.of("/dev/stdout"));
        assertAll(
                () -> assertEquals(Path.of("/dev/stdout"), AtomicFiles.destination(Path.of("/dev/stdout"))),
                () -> assertEquals(Path.of("/dev/stdout"), AtomicFiles.destination(toStdout)),
                () -> assertEquals(java.io.FileDescriptor.out, AtomicFiles.standardStream(Path.of("/dev/stdout"))),
                () -> assertEquals(java.io.FileDescriptor.err, AtomicFiles.standardStream(Path.of("/dev/fd/2"))),
                () -> assertTrue(AtomicFiles.inPlace(Path.of("/dev/null"))),
                () -> assertFalse(AtomicFiles.inPlace(dir.resolve("new.json"))),
                () -> assertTrue(assertThrows(IOException.class, () -> AtomicFiles.destination(dir.resolve("one")))
                        .getMessage().contains("too many levels of symbolic links")));
    }

    @Test
    void aWriteOntoAFolderIsRefused() throws IOException {
        final Path folder = Files.createDirectory(dir.resolve("out"));
        final IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(folder, "x"));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertTrue(Files.isDirectory(folder));
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
