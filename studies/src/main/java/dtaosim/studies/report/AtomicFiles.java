package dtaosim.studies.report;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Files that appear complete or not at all: written to a temporary name in the same folder and moved into place.
 * A failed write removes its temporary file, and so does the JVM's shutdown (Ctrl-C, SIGTERM) when it stops a
 * write half-way: the temporary file is created and moved only under a lock that the shutdown hook takes before
 * it deletes every temporary file still open, so a write either finished its move or leaves nothing. Only a
 * kill that runs no hook (SIGKILL, power loss) can leave a {@code .tmp} file, never one that looks finished.
 */
public final class AtomicFiles {
    private static final AtomicLong COUNTER = new AtomicLong();
    /** Temporary files being written; guarded by itself, as is {@link #shuttingDown}. */
    private static final Set<Path> IN_FLIGHT = new HashSet<>();
    private static boolean shuttingDown;
    private static boolean hookInstalled;

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} through {@code writer}, then moves it into place. A symbolic link stays a link: the
     * file it points to is replaced. A device, FIFO or socket that exists (e.g. {@code /dev/null}) is written in
     * place, as nothing can be moved onto it without destroying it; {@code /dev/stdout} and {@code /dev/stderr}
     * are the process's own streams ({@link #destination}).
     */
    public static void write(final Path target, final Writer writer) throws IOException {
        final Path file = destination(target);
        final FileDescriptor standard = standardStream(file);
        if (standard != null) {
            // the process's stdout or stderr, where a shell may have redirected it: written through the same
            // descriptor (a new open of a redirected file would start at its beginning), after what is buffered
            System.out.flush();
            System.err.flush();
            final OutputStream out = new FileOutputStream(standard);
            writer.write(out);
            out.flush(); // not closed: the descriptor is the process's
            return;
        }
        if (Files.isDirectory(file)) {
            throw new IOException(target + " is a directory, not a file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                writer.write(out);
            }
            return;
        }
        final Path dir = file.getParent();
        // a fresh name beside the target (same file system, so the move is a rename), with the umask's permissions
        final Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + COUNTER.incrementAndGet() + ".tmp");
        try {
            synchronized (IN_FLIGHT) {
                refuseAfterShutdown(target);
                installHook();
                Files.createFile(tmp);
                IN_FLIGHT.add(tmp);
            }
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                writer.write(out);
            }
            synchronized (IN_FLIGHT) {
                refuseAfterShutdown(target);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            synchronized (IN_FLIGHT) {
                IN_FLIGHT.remove(tmp);
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Where a write to {@code target} lands: the path after following symbolic links (which need not exist yet:
     * a dangling link's target). Links stop at {@code /dev} and {@code /proc}, whose links are the kernel's (e.g.
     * {@code /dev/stdout → /proc/self/fd/1 → pipe:[…]}): such a path is written as it is.
     *
     * @throws IOException for a loop of links
     */
    public static Path destination(final Path target) throws IOException {
        Path file = target.toAbsolutePath();
        for (int hops = 0; !kernels(file) && Files.isSymbolicLink(file); hops++) {
            if (hops == 40) {
                throw new IOException("too many levels of symbolic links");
            }
            // a relative link is relative to its own folder; an absolute one replaces the path
            file = file.resolveSibling(Files.readSymbolicLink(file));
        }
        return file;
    }

    /** The process's stdout or stderr when {@code file} names it, else null. */
    public static FileDescriptor standardStream(final Path file) {
        final String name = file.toString();
        if (name.equals("/dev/stdout") || name.equals("/dev/fd/1") || name.equals("/proc/self/fd/1")) {
            return FileDescriptor.out;
        }
        if (name.equals("/dev/stderr") || name.equals("/dev/fd/2") || name.equals("/proc/self/fd/2")) {
            return FileDescriptor.err;
        }
        return null;
    }

    /** Whether {@code destination} is written in place, not replaced: a stream, device, FIFO or socket. */
    public static boolean inPlace(final Path destination) {
        return standardStream(destination) != null
                || Files.exists(destination) && !Files.isRegularFile(destination) && !Files.isDirectory(destination);
    }

    private static boolean kernels(final Path file) {
        return file.startsWith("/dev") || file.startsWith("/proc");
    }

    /**
     * What a file system's error says, in words rather than the exception's Java name: "permission denied: /x",
     * "no such file or folder: /x", the system's reason, or the message (an end of file: its kind).
     */
    public static String describe(final IOException e) {
        final String file = e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null
                ? ": " + fs.getFile() : "";
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied" + file;
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder" + file;
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way" + file;
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + file;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Writes a UTF-8 text file atomically. */
    public static void writeString(final Path target, final CharSequence text) throws IOException {
        write(target, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void refuseAfterShutdown(final Path target) throws IOException {
        if (shuttingDown) {
            throw new IOException("not written, the JVM is shutting down: " + target);
        }
    }

    private static void installHook() {
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::deleteInFlight, "dtaosim-atomic-files"));
        }
    }

    /**
     * From now on no write creates or moves a file (each fails with an IOException); waits for a create or move
     * under way. For a shutdown hook that reports what was written: nothing more will be.
     */
    public static void stopWrites() {
        synchronized (IN_FLIGHT) {
            shuttingDown = true;
        }
    }

    /** Shutdown: no write may create or move a file any more; those half-written are deleted. */
    static void deleteInFlight() {
        synchronized (IN_FLIGHT) {
            shuttingDown = true;
            for (final Path tmp : IN_FLIGHT) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the JVM is stopping: nothing left to tell
                }
            }
            IN_FLIGHT.clear();
        }
    }

    /** Writes the file's bytes to an output stream. */
    @FunctionalInterface
    public interface Writer {
        /** Writes everything; the stream is closed by the caller. */
        void write(OutputStream out) throws IOException;
    }
}
