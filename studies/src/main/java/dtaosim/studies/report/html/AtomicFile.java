package dtaosim.studies.report.html;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a text file under a temporary name in the target's folder and renames it into place when complete,
 * so the target is absent, the old file, or the whole new one; never a part.
 */
final class AtomicFile {
    private AtomicFile() {
    }

    static void write(final Path file, final CharSequence text) throws IOException {
        final Path target = file.toAbsolutePath();
        // same folder, so the move is a rename on the same file system; hidden so nobody opens it half-written
        final Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid()
                + "." + System.nanoTime() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.append(text);
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
}
