package dtaosim.studies.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Files that appear complete or not at all: written to a temporary name in the same folder and moved into place.
 * A run killed half-way leaves at most a {@code .tmp} file, never one that looks finished.
 */
public final class AtomicFiles {
    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFiles() {
    }

    /** Writes {@code target} through {@code writer}, then moves it into place. */
    public static void write(final Path target, final Writer writer) throws IOException {
        final Path dir = target.toAbsolutePath().getParent();
        // a fresh name beside the target (same file system, so the move is a rename), with the umask's permissions
        final Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + COUNTER.incrementAndGet() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                writer.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes a UTF-8 text file atomically. */
    public static void writeString(final Path target, final CharSequence text) throws IOException {
        write(target, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes the file's bytes to an output stream. */
    @FunctionalInterface
    public interface Writer {
        /** Writes everything; the stream is closed by the caller. */
        void write(OutputStream out) throws IOException;
    }
}
